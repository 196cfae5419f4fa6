package dev.retort.engine.exc;

/**
 * {@code one()}, {@code oneOrNone()} or {@code scalarOne()} found more than one row (SQLAlchemy's {@code MultipleResultsFound}).
 */
public class MultipleResultsFoundException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what went wrong and how to fix it. */
    public MultipleResultsFoundException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public MultipleResultsFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
