package dev.retort.engine.dialect;

import dev.retort.engine.EngineUrl;
import dev.retort.engine.IsolationLevel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL through pgjdbc. Streaming needs a transaction and a fetch size (the engine autobegins, so both hold);
 * two-phase commit uses {@code PREPARE TRANSACTION} / {@code COMMIT PREPARED} and needs
 * {@code max_prepared_transactions > 0} on the server. Multi-host URLs take libpq's {@code target_session_attrs} and
 * {@code load_balance_hosts}, translated to pgjdbc's {@code targetServerType} and {@code loadBalanceHosts}.
 */
public class PostgresqlDialect implements Dialect {

    /**
     * Server states that end the session: admin shutdown, crash shutdown, cannot connect now, idle-in-transaction
     * timeout, idle-session timeout.
     */
    private static final Set<String> DISCONNECT_STATES = Set.of("57P01", "57P02", "57P03", "25P03", "57P05");

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String driverName() {
        return "pgjdbc";
    }

    /**
     * {@code cancelSignalTimeout=2} (seconds; pgjdbc's default is 10): a query timeout cancels over a new
     * connection, and pgjdbc waits for that cancel before it reports the timeout, so on a dead network a 1 s
     * statement timeout would otherwise take 11 s.
     */
    @Override
    public Map<String, String> driverProperties() {
        return Map.of("cancelSignalTimeout", "2");
    }

    @Override
    public String driverClassName() {
        return "org.postgresql.Driver";
    }

    @Override
    public String jdbcUrl(EngineUrl url) {
        return Dialect.hostUrl("postgresql", url, PgMultiHost.driverParameters(url.query()));
    }

    /** Translates libpq's {@code target_session_attrs} and {@code load_balance_hosts} to pgjdbc's names. */
    @Override
    public String translateJdbcUrl(String jdbcUrl) {
        return PgMultiHost.translate(jdbcUrl);
    }

    @Override
    public Set<IsolationLevel> isolationLevels() {
        return Set.of(IsolationLevel.values());
    }

    @Override
    public boolean isDisconnectError(SQLException e) {
        return Dialect.super.isDisconnectError(e)
                || (e.getSQLState() != null && DISCONNECT_STATES.contains(e.getSQLState()));
    }

    /** PostgreSQL aborts the transaction on any error: until rollback every statement fails and COMMIT rolls back. */
    @Override
    public boolean abortsTransaction(SQLException e) {
        return true;
    }

    @Override
    public String identifierCase() {
        return "lower";
    }

    @Override
    public boolean supportsTwoPhase() {
        return true;
    }

    @Override
    public void beginTwoPhase(Connection connection, String xid) {
        // the transaction begins implicitly; PREPARE TRANSACTION names it
    }

    @Override
    public void prepareTwoPhase(Connection connection, String xid) throws SQLException {
        Dialect.run(connection, "PREPARE TRANSACTION " + Dialect.literal(xid));
    }

    @Override
    public void commitPrepared(Connection connection, String xid) throws SQLException {
        Dialect.runOutsideTransaction(connection, "COMMIT PREPARED " + Dialect.literal(xid));
    }

    @Override
    public void rollbackPrepared(Connection connection, String xid) throws SQLException {
        Dialect.runOutsideTransaction(connection, "ROLLBACK PREPARED " + Dialect.literal(xid));
    }

    @Override
    public List<String> recoverTwoPhase(Connection connection) throws SQLException {
        return Dialect.strings(connection,
                "SELECT gid FROM pg_prepared_xacts WHERE database = current_database() ORDER BY prepared");
    }
}
