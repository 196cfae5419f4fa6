package dev.retort.engine.exc;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * An operational problem: lost connection, serialization failure, deadlock, lock timeout (SQLState classes 08, 40, 57; SQLAlchemy's {@code OperationalError}).
 */
public class OperationalException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link DBAPIException#DBAPIException}. */
    public OperationalException(@Nullable String statement, @Nullable Object parameters, boolean hideParameters, SQLException orig,
            boolean connectionInvalidated) {
        super(statement, parameters, hideParameters, orig, connectionInvalidated);
    }
}
