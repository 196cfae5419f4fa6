package dev.retort.engine.internal;

import dev.retort.engine.exc.DBAPIException;
import dev.retort.engine.exc.DataException;
import dev.retort.engine.exc.DatabaseException;
import dev.retort.engine.exc.IntegrityException;
import dev.retort.engine.exc.InterfaceException;
import dev.retort.engine.exc.InternalException;
import dev.retort.engine.exc.NotSupportedException;
import dev.retort.engine.exc.OperationalException;
import dev.retort.engine.exc.ProgrammingException;
import dev.retort.engine.exc.ReadOnlyTransactionException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;

/**
 * The one place that turns an {@link SQLException} into the engine's typed {@link DBAPIException}: by SQLState class
 * first, then by the JDBC exception subclass.
 */
public final class Errors {

    private Errors() {
    }

    /** Wraps a driver exception. */
    public static DBAPIException wrap(SQLException e, @Nullable String sql, @Nullable Object params, boolean hide,
            boolean invalidated) {
        String state = e.getSQLState();
        if (isReadOnlyViolation(state)) {
            return new ReadOnlyTransactionException(sql, params, hide, e, invalidated);
        }
        String cls = state != null && state.length() >= 2 ? state.substring(0, 2) : "";
        switch (cls) {
            case "22":
                return new DataException(sql, params, hide, e, invalidated);
            case "23":
                return new IntegrityException(sql, params, hide, e, invalidated);
            case "42":
                return new ProgrammingException(sql, params, hide, e, invalidated);
            case "08", "40", "53", "55", "57", "28", "3D", "HY":
                return new OperationalException(sql, params, hide, e, invalidated);
            case "0A":
                return new NotSupportedException(sql, params, hide, e, invalidated);
            case "XX", "25", "2D":
                return new InternalException(sql, params, hide, e, invalidated);
            default:
                break;
        }
        if (e instanceof SQLIntegrityConstraintViolationException) {
            return new IntegrityException(sql, params, hide, e, invalidated);
        }
        if (e instanceof SQLSyntaxErrorException) {
            return new ProgrammingException(sql, params, hide, e, invalidated);
        }
        if (e instanceof SQLDataException) {
            return new DataException(sql, params, hide, e, invalidated);
        }
        if (e instanceof SQLFeatureNotSupportedException) {
            return new NotSupportedException(sql, params, hide, e, invalidated);
        }
        if (e instanceof SQLTransactionRollbackException || e instanceof SQLTimeoutException
                || e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return new OperationalException(sql, params, hide, e, invalidated);
        }
        if (state == null) {
            return new InterfaceException(sql, params, hide, e, invalidated);
        }
        return new DatabaseException(sql, params, hide, e, invalidated);
    }

    /**
     * A write refused because the connection or database is read-only: SQLState 25006 (PostgreSQL, also on a hot
     * standby, and MySQL/MariaDB inside a read-only transaction) or H2's 90097.
     */
    private static boolean isReadOnlyViolation(@Nullable String state) {
        return "25006".equals(state) || "90097".equals(state);
    }
}
