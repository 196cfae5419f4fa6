package dev.retort.engine.dialect;

import dev.retort.engine.EngineUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * H2 ({@code h2:mem:NAME}, {@code h2:file:PATH}). In-memory databases get {@code DB_CLOSE_DELAY=-1} unless the URL
 * says otherwise, so the database lives as long as the JVM rather than as long as one connection. Two-phase commit
 * uses {@code PREPARE COMMIT} / {@code COMMIT TRANSACTION}.
 */
public class H2Dialect implements Dialect {

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public String driverName() {
        return "h2";
    }

    @Override
    public String driverClassName() {
        return "org.h2.Driver";
    }

    @Override
    public String jdbcUrl(EngineUrl url) {
        String db = url.database() != null ? url.database() : "mem:";
        StringBuilder sb = new StringBuilder("jdbc:h2:").append(db);
        boolean hasCloseDelay = db.toUpperCase().contains("DB_CLOSE_DELAY");
        for (Map.Entry<String, String> e : url.query().entrySet()) {
            sb.append(';').append(e.getKey()).append('=').append(e.getValue());
            hasCloseDelay |= e.getKey().equalsIgnoreCase("DB_CLOSE_DELAY");
        }
        if (db.startsWith("mem:") && !hasCloseDelay) {
            sb.append(";DB_CLOSE_DELAY=-1");
        }
        return sb.toString();
    }

    @Override
    public boolean isDisconnectError(SQLException e) {
        // 90067 connection broken, 90098/90121 database closed, 90007 object already closed
        int code = e.getErrorCode();
        return Dialect.super.isDisconnectError(e) || code == 90067 || code == 90098 || code == 90121 || code == 90007;
    }

    @Override
    public boolean supportsTwoPhase() {
        return true;
    }

    @Override
    public void beginTwoPhase(Connection connection, String xid) {
        // H2 begins implicitly; the xid is named at PREPARE COMMIT
    }

    @Override
    public void prepareTwoPhase(Connection connection, String xid) throws SQLException {
        Dialect.run(connection, "PREPARE COMMIT " + quoteIdentifier(xid));
    }

    @Override
    public void commitPrepared(Connection connection, String xid) throws SQLException {
        Dialect.run(connection, "COMMIT TRANSACTION " + quoteIdentifier(xid));
    }

    @Override
    public void rollbackPrepared(Connection connection, String xid) throws SQLException {
        Dialect.run(connection, "ROLLBACK TRANSACTION " + quoteIdentifier(xid));
    }

    @Override
    public List<String> recoverTwoPhase(Connection connection) throws SQLException {
        return Dialect.strings(connection, "SELECT TRANSACTION_NAME FROM INFORMATION_SCHEMA.IN_DOUBT");
    }
}
