package dev.retort.engine.exc;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * The driver's interface failed rather than the database (SQLAlchemy's {@code InterfaceError}).
 */
public class InterfaceException extends DBAPIException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link DBAPIException#DBAPIException}. */
    public InterfaceException(@Nullable String statement, @Nullable Object parameters, boolean hideParameters, SQLException orig,
            boolean connectionInvalidated) {
        super(statement, parameters, hideParameters, orig, connectionInvalidated);
    }
}
