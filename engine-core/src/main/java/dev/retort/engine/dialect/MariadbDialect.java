package dev.retort.engine.dialect;

import dev.retort.engine.EngineUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MariaDB through MariaDB Connector/J. Streaming uses a positive fetch size; two-phase commit uses {@code XA}.
 * Disconnects include vendor codes 1927 (connection killed), 2006 (server gone away) and 2013 (lost connection).
 */
public class MariadbDialect implements Dialect {

    private static final Set<Integer> DISCONNECT_CODES = Set.of(1927, 2006, 2013, 2055, 4031);

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public String driverName() {
        return "mariadbconnector";
    }

    @Override
    public String driverClassName() {
        return "org.mariadb.jdbc.Driver";
    }

    /** The JDBC sub-protocol, {@code mariadb}. */
    protected String jdbcSubprotocol() {
        return "mariadb";
    }

    @Override
    public String jdbcUrl(EngineUrl url) {
        return Dialect.hostUrl(jdbcSubprotocol(), url);
    }

    @Override
    public boolean isDisconnectError(SQLException e) {
        return Dialect.super.isDisconnectError(e) || DISCONNECT_CODES.contains(e.getErrorCode())
                || "70100".equals(e.getSQLState());
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public String identifierCase() {
        return "none";
    }

    @Override
    public boolean schemaIsCatalog() {
        return true;
    }

    @Override
    public boolean supportsTwoPhase() {
        return true;
    }

    @Override
    public void beginTwoPhase(Connection connection, String xid) throws SQLException {
        if (!connection.getAutoCommit()) {
            // with autocommit off even a read (XA RECOVER, metadata) opens a local transaction, and XA START then
            // fails with XAER_OUTSIDE; no engine transaction is in progress here, so there is nothing to lose
            connection.rollback();
        }
        Dialect.run(connection, "XA START " + Dialect.literal(xid));
    }

    @Override
    public void prepareTwoPhase(Connection connection, String xid) throws SQLException {
        Dialect.run(connection, "XA END " + Dialect.literal(xid));
        Dialect.run(connection, "XA PREPARE " + Dialect.literal(xid));
    }

    @Override
    public void commitTwoPhase(Connection connection, String xid, boolean prepared) throws SQLException {
        if (prepared) {
            Dialect.run(connection, "XA COMMIT " + Dialect.literal(xid));
        } else {
            Dialect.run(connection, "XA END " + Dialect.literal(xid));
            Dialect.run(connection, "XA COMMIT " + Dialect.literal(xid) + " ONE PHASE");
        }
    }

    @Override
    public void rollbackTwoPhase(Connection connection, String xid, boolean prepared) throws SQLException {
        if (!prepared) {
            Dialect.run(connection, "XA END " + Dialect.literal(xid));
        }
        Dialect.run(connection, "XA ROLLBACK " + Dialect.literal(xid));
    }

    /** {@code XA COMMIT} from a session with no transaction of its own (it must not hold a local one). */
    @Override
    public void commitPrepared(Connection connection, String xid) throws SQLException {
        Dialect.runOutsideTransaction(connection, "XA COMMIT " + Dialect.literal(xid));
    }

    @Override
    public void rollbackPrepared(Connection connection, String xid) throws SQLException {
        Dialect.runOutsideTransaction(connection, "XA ROLLBACK " + Dialect.literal(xid));
    }

    @Override
    public List<String> recoverTwoPhase(Connection connection) throws SQLException {
        List<String> xids = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("XA RECOVER")) {
            while (rs.next()) {
                int gtridLength = rs.getInt("gtrid_length");
                xids.add(rs.getString("data").substring(0, gtridLength));
            }
        }
        return xids;
    }
}
