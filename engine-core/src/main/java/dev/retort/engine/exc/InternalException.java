package dev.retort.engine.exc;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * The database reported an internal error (SQLState class XX; SQLAlchemy's {@code InternalError}).
 */
public class InternalException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link DBAPIException#DBAPIException}. */
    public InternalException(@Nullable String statement, @Nullable Object parameters, boolean hideParameters, SQLException orig,
            boolean connectionInvalidated) {
        super(statement, parameters, hideParameters, orig, connectionInvalidated);
    }
}
