package dev.retort.engine.exc;

import dev.retort.engine.internal.Truncation;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Wraps an {@link SQLException} raised by the JDBC driver (SQLAlchemy's {@code DBAPIError}). The subclass is
 * chosen from the SQLState class; {@link #orig()} is the driver's exception and also the cause.
 */
public class DBAPIException extends StatementException {
    private static final long serialVersionUID = 1L;

    private final boolean connectionInvalidated;

    /**
     * Creates the exception.
     *
     * @param statement the SQL being executed, if any
     * @param parameters its parameters
     * @param hideParameters whether the parameters must be kept out of the message
     * @param orig the driver's exception
     * @param connectionInvalidated whether the connection was invalidated because of this error
     */
    public DBAPIException(@Nullable String statement, @Nullable Object parameters, boolean hideParameters,
            SQLException orig, boolean connectionInvalidated) {
        super(describe(orig), statement, parameters, hideParameters, orig);
        this.connectionInvalidated = connectionInvalidated;
    }

    /** The driver's exception. */
    public SQLException orig() {
        return (SQLException) getCause();
    }

    /** The message; after a disconnect it ends by saying the connection was invalidated and what to do next. */
    @Override
    public String getMessage() {
        String message = super.getMessage();
        return connectionInvalidated ? message + INVALIDATED : message;
    }

    private static final String INVALIDATED = "\n(The connection was invalidated: the database connection was lost "
            + "and discarded. Call rollback(); the next statement reconnects.)";

    /** Whether the error was a disconnect and the connection was invalidated because of it. */
    public boolean connectionInvalidated() {
        return connectionInvalidated;
    }

    private static String describe(SQLException orig) {
        String text;
        try {
            text = String.valueOf(orig.getMessage());
        } catch (RuntimeException e) {
            text = "Error in getMessage() of driver-generated exception: " + e;
        }
        return "(" + orig.getClass().getName() + ") " + Truncation.message(text);
    }
}
