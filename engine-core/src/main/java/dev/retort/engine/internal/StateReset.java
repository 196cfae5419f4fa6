package dev.retort.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What HikariCP's {@code PoolBase.resetConnectionState} does, for pools that are not HikariCP: remember the
 * autocommit, isolation level, read-only state and network timeout a pool's connections start with, and restore
 * them before a connection goes back. The first connection seen sets the defaults (a pool's connections start
 * alike).
 */
final class StateReset {

    private volatile boolean known;
    private boolean autoCommit;
    private int isolation;
    private boolean readOnly;
    private int networkTimeout = -1;

    /** Remembers the defaults from a connection fresh from its source, once. */
    void capture(Connection connection) throws SQLException {
        if (known) {
            return;
        }
        synchronized (this) {
            if (!known) {
                autoCommit = connection.getAutoCommit();
                isolation = connection.getTransactionIsolation();
                readOnly = connection.isReadOnly();
                try {
                    networkTimeout = connection.getNetworkTimeout();
                } catch (java.sql.SQLFeatureNotSupportedException e) {
                    networkTimeout = -1;
                }
                known = true;
            }
        }
    }

    /** Restores what differs from the defaults (a transaction left open is rolled back first). */
    void restore(Connection connection) throws SQLException {
        if (!known) {
            return;
        }
        if (connection.getAutoCommit() != autoCommit) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setAutoCommit(autoCommit);
        }
        if (connection.getTransactionIsolation() != isolation) {
            connection.setTransactionIsolation(isolation);
        }
        if (connection.isReadOnly() != readOnly) {
            connection.setReadOnly(readOnly);
        }
        if (networkTimeout >= 0 && connection.getNetworkTimeout() != networkTimeout) {
            connection.setNetworkTimeout(Runnable::run, networkTimeout);
        }
    }
}
