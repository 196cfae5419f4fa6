package dev.retort.engine.dialect;

import dev.retort.engine.EngineUrl;
import dev.retort.engine.IsolationLevel;
import dev.retort.engine.exc.ArgumentException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the engine needs to know about one kind of database: how to build its JDBC URL, which isolation levels it
 * has, how it streams, how it runs two-phase commit and which errors mean the connection is gone. Implementations
 * are stateless and shared. Register one with {@link DialectRegistry#register} or list it in
 * {@code META-INF/services/dev.retort.engine.dialect.Dialect}.
 */
public interface Dialect {

    /** The dialect name used in URLs, e.g. {@code postgresql}. */
    String name();

    /** The name of the default driver, e.g. {@code pgjdbc} (the part after {@code +} in a URL). */
    String driverName();

    /** The JDBC driver class, e.g. {@code org.postgresql.Driver}. */
    String driverClassName();

    /** Builds the JDBC URL from a SQLAlchemy-style URL. User and password are not part of it. */
    String jdbcUrl(EngineUrl url);

    /**
     * The JDBC URL to use for a {@code jdbc:} URL given as is: unchanged, unless the dialect translates portable
     * parameter names into its driver's (PostgreSQL: libpq's {@code target_session_attrs}).
     */
    default String translateJdbcUrl(String jdbcUrl) {
        return jdbcUrl;
    }

    /**
     * Driver properties the engine sets on the pools it builds unless the URL or {@code connectArg} sets them: what
     * keeps a statement's {@code timeout} a deadline when the network is gone (see {@code NetworkTimeout}).
     */
    default Map<String, String> driverProperties() {
        return Map.of();
    }

    /** The isolation levels this database accepts, including {@link IsolationLevel#AUTOCOMMIT}. */
    default Set<IsolationLevel> isolationLevels() {
        return Set.of(IsolationLevel.values());
    }

    /**
     * Checks a level name and returns the level, raising {@link ArgumentException} listing the valid names when the
     * database does not support it.
     */
    default IsolationLevel checkIsolationLevel(String name) {
        IsolationLevel level = IsolationLevel.lookup(name);
        if (level == null || !isolationLevels().contains(level)) {
            throw new ArgumentException("Invalid value '" + name + "' for isolation_level. Valid isolation levels for '"
                    + name() + "' are " + isolationLevels().stream().map(IsolationLevel::sqlName).sorted()
                            .collect(Collectors.joining(", ")));
        }
        return level;
    }

    /** Whether two-phase transactions are supported. */
    default boolean supportsTwoPhase() {
        return false;
    }

    /**
     * Whether the error means the connection is unusable: whether {@link #isDisconnectError} holds for the exception
     * or for any exception chained to it ({@link SQLException#getNextException()}, {@link Throwable#getCause()}), as
     * a batch or wrapped error may carry the disconnect further down (a unique violation followed by the server's
     * "terminating connection"). The walk is bounded, so a cyclic chain ends.
     */
    default boolean isDisconnect(SQLException e) {
        int budget = 16;
        for (SQLException link = e; link != null && budget > 0; link = link.getNextException()) {
            for (Throwable t = link; t != null && budget-- > 0; t = t.getCause()) {
                if (t instanceof SQLException sql && isDisconnectError(sql)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether this one exception, ignoring its chain, means the connection is unusable. The default checks SQLState
     * class {@code 08} and the JDBC connection-exception subclasses; dialects add their vendor states and codes.
     */
    default boolean isDisconnectError(SQLException e) {
        if (e instanceof SQLNonTransientConnectionException || e instanceof SQLRecoverableException
                || e instanceof SQLTransientConnectionException) {
            return true;
        }
        String state = e.getSQLState();
        return state != null && state.startsWith("08");
    }

    /**
     * Whether the database aborts the whole transaction when a statement in it fails with {@code e}, so that a later
     * {@code COMMIT} commits nothing (PostgreSQL does for every error). The engine then refuses to report such a
     * commit as a success. Default: {@code false}, the failed statement alone is undone.
     */
    default boolean abortsTransaction(SQLException e) {
        return false;
    }

    /** Checks that the connection is alive; {@code false} when it is not. */
    default boolean ping(Connection connection, int timeoutSeconds) {
        try {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Sets the statement up to stream rows {@code fetchSize} at a time instead of reading them all. */
    default void configureStreaming(Statement statement, int fetchSize) throws SQLException {
        statement.setFetchSize(fetchSize);
    }

    /**
     * Whether the driver moves {@code TIMESTAMP}/{@code DATETIME} values that fall in a DST gap of the JVM's time
     * zone even when asked for a {@code LocalDateTime} (MariaDB Connector/J decodes through that zone); the engine
     * then reads such columns with a UTC calendar, which has no gaps.
     */
    default boolean shiftsLocalDateTimes() {
        return driverClassName().startsWith("org.mariadb.");
    }

    /** Quotes an identifier for SQL. */
    default String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** How the database folds unquoted identifiers: {@code upper}, {@code lower} or {@code none}. */
    default String identifierCase() {
        return "upper";
    }

    /**
     * Whether JDBC metadata calls this database's schemas catalogs (MySQL and MariaDB, where a schema is a database),
     * so the {@link dev.retort.engine.Inspector} passes schema names as the catalog.
     */
    default boolean schemaIsCatalog() {
        return false;
    }

    /** The server's version string. */
    default String serverVersion(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductVersion();
    }

    /** A fresh transaction id for {@code beginTwoPhase()} without one. */
    default String createXid() {
        return "retort_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Starts a two-phase transaction; the connection is already out of autocommit. */
    default void beginTwoPhase(Connection connection, String xid) throws SQLException {
        throw twoPhaseNotSupported("beginTwoPhase");
    }

    /** Prepares (phase one) the two-phase transaction. */
    default void prepareTwoPhase(Connection connection, String xid) throws SQLException {
        throw twoPhaseNotSupported("prepareTwoPhase");
    }

    /**
     * Commits the two-phase transaction, prepared or not. The default commits a prepared one with
     * {@link #commitPrepared} and an unprepared one like any local transaction.
     */
    default void commitTwoPhase(Connection connection, String xid, boolean prepared) throws SQLException {
        if (prepared) {
            commitPrepared(connection, xid);
        } else {
            connection.commit();
        }
    }

    /** Rolls the two-phase transaction back, prepared or not; the default mirrors {@link #commitTwoPhase}. */
    default void rollbackTwoPhase(Connection connection, String xid, boolean prepared) throws SQLException {
        if (prepared) {
            rollbackPrepared(connection, xid);
        } else {
            connection.rollback();
        }
    }

    /**
     * Commits a transaction prepared earlier by this session, another one or a process that crashed (recovery). No
     * local transaction is in progress on {@code connection}.
     */
    default void commitPrepared(Connection connection, String xid) throws SQLException {
        throw twoPhaseNotSupported("commitPrepared");
    }

    /** Rolls back a transaction prepared earlier, by this session or another one (recovery). */
    default void rollbackPrepared(Connection connection, String xid) throws SQLException {
        throw twoPhaseNotSupported("rollbackPrepared");
    }

    /** Lists the ids of transactions prepared and not yet finished. */
    default List<String> recoverTwoPhase(Connection connection) throws SQLException {
        throw twoPhaseNotSupported("recoverTwoPhase");
    }

    /**
     * The error of a two-phase operation this dialect lacks: SQLState {@code 0A000}, which the engine raises as
     * {@code NotSupportedException}.
     */
    private SQLFeatureNotSupportedException twoPhaseNotSupported(String operation) {
        return new SQLFeatureNotSupportedException("The " + name() + " dialect does not support two-phase "
                + "transactions (" + operation + "); use a single-phase transaction (Connection.begin()), or a dialect "
                + "that supports them (postgresql, mariadb, mysql, h2; a custom dialect overrides supportsTwoPhase() "
                + "and the two-phase methods of Dialect)", "0A000");
    }

    /** Runs SQL that returns nothing. */
    static void run(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /** Runs a query and collects the first column of every row as strings. */
    static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Runs {@code sql} with JDBC autocommit on (statements that may not run inside a transaction block). */
    static void runOutsideTransaction(Connection connection, String sql) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (!autoCommit) {
            connection.setAutoCommit(true);
        }
        try {
            run(connection, sql);
        } catch (SQLException e) {
            // keep the statement's error: restoring autocommit on a lost connection fails too, less informatively
            if (!autoCommit) {
                try {
                    connection.setAutoCommit(false);
                } catch (SQLException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw e;
        }
        if (!autoCommit) {
            connection.setAutoCommit(false);
        }
    }

    /**
     * Builds {@code jdbc:SUBPROTOCOL://host[:port][,host[:port]…]/database[?k=v&…]} from a URL; the usual JDBC URL
     * of a network database.
     */
    static String hostUrl(String subprotocol, EngineUrl url) {
        return hostUrl(subprotocol, url, url.query());
    }

    /** {@link #hostUrl(String, EngineUrl)} with the driver parameters given. */
    static String hostUrl(String subprotocol, EngineUrl url, java.util.Map<String, String> parameters) {
        StringBuilder sb = new StringBuilder("jdbc:").append(subprotocol).append("://");
        if (url.hosts().isEmpty()) {
            sb.append("localhost");
        }
        for (int i = 0; i < url.hosts().size(); i++) {
            sb.append(i == 0 ? "" : ",").append(url.hosts().get(i));
        }
        sb.append('/');
        if (url.database() != null) {
            sb.append(url.database());
        }
        char sep = '?';
        for (java.util.Map.Entry<String, String> e : parameters.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = '&';
        }
        return sb.toString();
    }

    /** Quotes a string literal (for xids). */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
