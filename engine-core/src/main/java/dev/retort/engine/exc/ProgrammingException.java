package dev.retort.engine.exc;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * The SQL is wrong: syntax error, unknown table or column (SQLState class 42; SQLAlchemy's {@code ProgrammingError}).
 */
public class ProgrammingException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link DBAPIException#DBAPIException}. */
    public ProgrammingException(@Nullable String statement, @Nullable Object parameters, boolean hideParameters, SQLException orig,
            boolean connectionInvalidated) {
        super(statement, parameters, hideParameters, orig, connectionInvalidated);
    }
}
