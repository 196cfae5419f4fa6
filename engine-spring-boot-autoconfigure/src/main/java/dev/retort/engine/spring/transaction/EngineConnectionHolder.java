package dev.retort.engine.spring.transaction;

import dev.retort.engine.Connection;
import dev.retort.engine.Transaction;
import org.springframework.jdbc.datasource.ConnectionHolder;

/**
 * The resource {@link EngineTransactionManager} binds under the engine's {@code DataSource}: a plain
 * {@link ConnectionHolder} to {@code JdbcTemplate}, {@code JdbcClient} and {@code DataSourceUtils} (so they use the
 * transaction's JDBC connection), which also carries the engine {@link Connection} and its root {@link Transaction}
 * so that {@code engine.connect()} can branch from it and commit/rollback go through the engine (firing its events).
 */
final class EngineConnectionHolder extends ConnectionHolder {

    private final Connection connection;
    private final Transaction transaction;

    EngineConnectionHolder(Connection connection, Transaction transaction) {
        super(connection.jdbcConnection());
        this.connection = connection;
        this.transaction = transaction;
    }

    /** The engine connection that owns the JDBC connection for the transaction's life. */
    Connection engineConnection() {
        return connection;
    }

    /** The engine's root transaction, ended by {@link EngineTransactionManager}'s commit or rollback. */
    Transaction engineTransaction() {
        return transaction;
    }

    @Override
    protected void setTransactionActive(boolean transactionActive) {
        super.setTransactionActive(transactionActive);
    }

    @Override
    protected boolean isTransactionActive() {
        return super.isTransactionActive();
    }
}
