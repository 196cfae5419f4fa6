package dev.retort.engine.exc;

/**
 * Root of every exception the engine raises (SQLAlchemy's {@code SQLAlchemyError}). All are unchecked.
 */
public class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what went wrong and how to fix it. */
    public EngineException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
