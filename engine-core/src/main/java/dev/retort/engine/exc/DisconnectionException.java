package dev.retort.engine.exc;

/**
 * A pooled connection was found dead; raised inside the pool to force a reconnect (SQLAlchemy's {@code DisconnectionError}).
 */
public class DisconnectionException extends EngineException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what went wrong and how to fix it. */
    public DisconnectionException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public DisconnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
