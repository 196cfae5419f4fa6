package dev.retort.engine.exc;

/**
 * {@code one()} or {@code scalarOne()} found no row (SQLAlchemy's {@code NoResultFound}).
 */
public class NoResultFoundException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what went wrong and how to fix it. */
    public NoResultFoundException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public NoResultFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
