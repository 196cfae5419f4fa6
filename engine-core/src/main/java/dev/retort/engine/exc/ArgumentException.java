package dev.retort.engine.exc;

/**
 * An invalid or conflicting argument: bad URL, unknown dialect, invalid isolation level, missing bind parameter (SQLAlchemy's {@code ArgumentError}).
 */
public class ArgumentException extends EngineException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what went wrong and how to fix it. */
    public ArgumentException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public ArgumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
