package dev.retort.engine.exc;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * A write was attempted on a read-only connection: a replica (a hot standby refuses writes), or a connection run with
 * {@code readonly=true} (SQLState 25006, psycopg's {@code ReadOnlySqlTransaction}; H2's read-only database error).
 * Run writes on the primary: drop {@code readonly=true}, or use {@code engine.withPrimary()}.
 */
public class ReadOnlyTransactionException extends InternalException {
    private static final long serialVersionUID = 1L;

    private static final String HINT = "\n(The connection is read-only: a replica or a readonly=true connection cannot "
            + "write. Run writes on the primary: drop readonly=true, or use engine.withPrimary().)";

    /** Creates the exception; see {@link DBAPIException#DBAPIException}. */
    public ReadOnlyTransactionException(@Nullable String statement, @Nullable Object parameters,
            boolean hideParameters, SQLException orig, boolean connectionInvalidated) {
        super(statement, parameters, hideParameters, orig, connectionInvalidated);
    }

    @Override
    public String getMessage() {
        return super.getMessage() + HINT;
    }
}
