package dev.retort.engine.exc;

/**
 * No pooled connection became available within the pool timeout (SQLAlchemy's {@code TimeoutError}).
 */
public class PoolTimeoutException extends EngineException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what went wrong and how to fix it. */
    public PoolTimeoutException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public PoolTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
