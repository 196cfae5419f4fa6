package dev.retort.engine.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.pool.PoolClass;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * {@link PoolClass#QUEUE}: HikariCP, either built and owned by the engine (created lazily, replaced after
 * {@code dispose()}) or an application's {@link DataSource} the engine only borrows from.
 */
public final class HikariQueuePool extends ManagedPool {

    private final @Nullable HikariConfig config;
    private final @Nullable DataSource foreign;
    private final DataSource stable;
    private volatile @Nullable HikariDataSource owned;

    /** A pool the engine owns, built from {@code config} on first use. */
    public static HikariQueuePool owned(HikariConfig config, Settings settings, Dialect dialect) {
        return new HikariQueuePool(config, null, settings, dialect);
    }

    /** A pool over an application's data source. */
    public static HikariQueuePool borrowed(DataSource dataSource, Settings settings, Dialect dialect) {
        return new HikariQueuePool(null, dataSource, settings, dialect);
    }

    private HikariQueuePool(@Nullable HikariConfig config, @Nullable DataSource foreign, Settings settings,
            Dialect dialect) {
        super(settings, dialect);
        this.config = config;
        this.foreign = foreign;
        this.stable = foreign != null ? foreign : new EngineDataSource();
    }

    private DataSource source() {
        if (foreign != null) {
            return foreign;
        }
        HikariDataSource ds = owned;
        if (ds == null) {
            synchronized (this) {
                ds = owned;
                if (ds == null) {
                    HikariConfig copy = new HikariConfig();
                    config.copyStateTo(copy);
                    ds = new HikariDataSource(copy);
                    owned = ds;
                }
            }
        }
        return ds;
    }

    private @Nullable HikariDataSource hikari() {
        if (foreign == null) {
            return owned;
        }
        try {
            return foreign.isWrapperFor(HikariDataSource.class) ? foreign.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** The HikariCP data source, created if needed ({@code null} for a non-Hikari application data source). */
    public @Nullable HikariDataSource hikariDataSource() {
        source();
        return hikari();
    }

    @Override
    protected Connection acquire() throws SQLException {
        return source().getConnection();
    }

    @Override
    protected void release(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    protected void evict(Connection connection) {
        HikariDataSource ds = hikari();
        try {
            if (ds != null) {
                ds.evictConnection(connection);
            } else {
                // another pool: abort so it sees a dead physical connection and discards it instead of reusing it
                connection.abort(Runnable::run);
                connection.close();
            }
        } catch (SQLException | RuntimeException e) {
            // the connection is already broken; nothing more to do
        }
    }

    @Override
    protected void evictAll() {
        HikariDataSource ds = hikari();
        HikariPoolMXBean bean = ds != null ? ds.getHikariPoolMXBean() : null;
        if (bean != null) {
            bean.softEvictConnections();
        }
    }

    @Override
    protected void closeSource() {
        if (foreign != null) {
            evictAll();
            return;
        }
        HikariDataSource ds;
        synchronized (this) {
            ds = owned;
            owned = null;
        }
        if (ds != null) {
            ds.close();
        }
    }

    @Override
    public DataSource dataSource() {
        return stable;
    }

    /** A borrowed HikariCP pool keeps its own sizes; the engine's pool settings only apply to pools it builds. */
    @Override
    public int size() {
        HikariDataSource ds = foreign != null ? hikari() : null;
        return ds != null ? ds.getMinimumIdle() : super.size();
    }

    @Override
    public int maxSize() {
        HikariDataSource ds = foreign != null ? hikari() : null;
        return ds != null ? ds.getMaximumPoolSize() : super.maxSize();
    }

    @Override
    public int checkedOut() {
        HikariPoolMXBean bean = bean();
        return bean != null ? bean.getActiveConnections() : super.checkedOut();
    }

    @Override
    public int checkedIn() {
        HikariPoolMXBean bean = bean();
        return bean != null ? bean.getIdleConnections() : 0;
    }

    /** Threads waiting for a connection. */
    public int pending() {
        HikariPoolMXBean bean = bean();
        return bean != null ? bean.getThreadsAwaitingConnection() : 0;
    }

    private @Nullable HikariPoolMXBean bean() {
        HikariDataSource ds = hikari();
        return ds != null && !ds.isClosed() ? ds.getHikariPoolMXBean() : null;
    }

    @Override
    public PoolClass poolClass() {
        return PoolClass.QUEUE;
    }

    /** The stable data source handed to frameworks: it always reaches the engine's current HikariCP pool. */
    private final class EngineDataSource implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return source().getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("The engine's pool has fixed credentials");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            return source().unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return iface.isInstance(this) || source().isWrapperFor(iface);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return source().getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            source().setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            source().setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return source().getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("dev.retort.engine");
        }

        @Override
        public String toString() {
            return "EngineDataSource[" + HikariQueuePool.this.status() + "]";
        }
    }
}
