package dev.retort.engine.exc;

/**
 * The transaction failed or its connection was invalidated; call {@code rollback()} before using the connection again (SQLAlchemy's {@code PendingRollbackError}).
 */
public class PendingRollbackException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what went wrong and how to fix it. */
    public PendingRollbackException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public PendingRollbackException(String message, Throwable cause) {
        super(message, cause);
    }
}
