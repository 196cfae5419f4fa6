package dev.retort.engine.exc;

/** Reflection found no table of the requested name (SQLAlchemy's {@code NoSuchTableError}). */
public class NoSuchTableException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the table and the schema searched. */
    public NoSuchTableException(String message) {
        super(message);
    }
}
