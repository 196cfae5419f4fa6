package dev.retort.engine.internal;

import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.pool.PoolClass;
import dev.retort.engine.pool.PoolSettings;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The two pools that are not pools: {@link PoolClass#NULL} opens a physical connection per checkout and
 * {@link PoolClass#STATIC} shares one physical connection.
 */
public final class DriverPools {

    private DriverPools() {
    }

    /** Opens connections through {@link DriverManager}. */
    public static DataSource driverDataSource(String jdbcUrl, Properties properties) {
        return new DriverDataSource(jdbcUrl, properties);
    }

    /** {@link PoolClass#NULL}. */
    public static ManagedPool nullPool(DataSource source, PoolSettings settings, Dialect dialect, String target) {
        return new NullPool(source, settings, dialect, target);
    }

    /** {@link PoolClass#STATIC}. */
    public static ManagedPool staticPool(DataSource source, PoolSettings settings, Dialect dialect,
            String target) {
        return new StaticPool(source, settings, dialect, target);
    }

    private static final class NullPool extends ManagedPool {
        private final DataSource source;

        NullPool(DataSource source, PoolSettings settings, Dialect dialect, String target) {
            super(settings, dialect, target);
            this.source = source;
        }

        @Override
        protected Connection acquire(long timeoutMillis) throws SQLException {
            return source.getConnection();
        }

        @Override
        protected void release(Connection connection) throws SQLException {
            connection.close();
        }

        @Override
        protected void evict(Connection connection) {
            closeQuietly(connection);
        }

        @Override
        protected void evictAll() {
        }

        @Override
        protected void closeSource() {
        }

        @Override
        public DataSource dataSource() {
            return source;
        }

        @Override
        public int checkedIn() {
            return 0;
        }

        @Override
        public PoolClass poolClass() {
            return PoolClass.NULL;
        }
    }

    private static final class StaticPool extends ManagedPool {
        private final DataSource source;
        private final StateReset reset = new StateReset();
        private @Nullable Connection shared;

        StaticPool(DataSource source, PoolSettings settings, Dialect dialect, String target) {
            super(settings, dialect, target);
            this.source = source;
        }

        @Override
        protected synchronized Connection acquire(long timeoutMillis) throws SQLException {
            if (shared == null || shared.isClosed()) {
                shared = source.getConnection();
                reset.capture(shared);
            }
            return shared;
        }

        @Override
        protected void resetState(Connection connection) throws SQLException {
            reset.restore(connection);
        }

        @Override
        protected void release(Connection connection) throws SQLException {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        }

        @Override
        protected synchronized void evict(Connection connection) {
            closeQuietly(connection);
            if (connection == shared) {
                shared = null;
            }
        }

        @Override
        protected void evictAll() {
        }

        @Override
        protected synchronized void closeSource() {
            if (shared != null) {
                closeQuietly(shared);
                shared = null;
            }
        }

        @Override
        protected void disposeSource() {
            closeSource();
        }

        @Override
        public DataSource dataSource() {
            return source;
        }

        @Override
        public synchronized int checkedIn() {
            return shared != null && checkedOut() == 0 ? 1 : 0;
        }

        @Override
        public PoolClass poolClass() {
            return PoolClass.STATIC;
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // discarding a broken connection
        }
    }

    private static final class DriverDataSource implements DataSource {
        private final String url;
        private final Properties properties;

        DriverDataSource(String url, Properties properties) {
            this.url = url;
            this.properties = properties;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, properties);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            throw new SQLException("Not a wrapper for " + iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return iface.isInstance(this);
        }

        @Override
        public String toString() {
            return "DriverDataSource[" + dev.retort.engine.EngineUrl.mask(url) + "]";
        }
    }
}
