package dev.retort.engine.exc;

/**
 * The connection, result or engine was closed; open a new one (SQLAlchemy's {@code ResourceClosedError}).
 */
public class ResourceClosedException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what went wrong and how to fix it. */
    public ResourceClosedException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public ResourceClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
