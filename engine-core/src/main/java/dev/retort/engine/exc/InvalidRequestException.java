package dev.retort.engine.exc;

/**
 * The object is not in a state that allows the request: double {@code begin()}, inactive transaction, detaching an invalidated connection (SQLAlchemy's {@code InvalidRequestError}).
 */
public class InvalidRequestException extends EngineException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what went wrong and how to fix it. */
    public InvalidRequestException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
