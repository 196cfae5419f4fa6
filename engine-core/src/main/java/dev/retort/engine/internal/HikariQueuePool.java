package dev.retort.engine.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import dev.retort.engine.EngineUrl;
import dev.retort.engine.IsolationLevel;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.pool.PoolClass;
import dev.retort.engine.pool.PoolSettings;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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

    private static final long FIRST_SLICE_MILLIS = 200;

    private final StateReset reset = new StateReset();

    /**
     * A pool the engine owns, built on first use. SQLAlchemy's settings map onto HikariCP as follows:
     * {@code maximumPoolSize = poolSize + maxOverflow}; {@code minimumIdle = 0} with no idle timeout, so connections
     * are opened on demand and the engine itself closes a returning connection when {@code poolSize} are idle
     * (QueuePool's overflow); {@code connectionTimeout = poolTimeout}; {@code validationTimeout} a quarter of it
     * (1 to 5 s), so HikariCP's own liveness check cannot stretch a checkout much past {@code poolTimeout};
     * {@code maxLifetime = poolRecycle} when at least 30 s (HikariCP's floor; shorter ones the engine enforces
     * at checkout); while the pool has no connection at all, a refused login or an unreachable server fails the
     * checkout at once with the driver's reason.
     */
    public static HikariQueuePool owned(EngineUrl url, PoolSettings settings, Dialect dialect,
            @Nullable IsolationLevel isolationLevel, boolean readOnly, String poolName,
            Map<String, String> driverProperties, @Nullable Consumer<HikariConfig> customizer) {
        String jdbcUrl = url.toJdbcUrl();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(url.username());
        config.setPassword(url.password());
        config.setReadOnly(readOnly);
        config.setMinimumIdle(0);
        config.setIdleTimeout(0);
        config.setMaximumPoolSize(settings.poolSize() + settings.maxOverflow());
        long timeout = settings.timeout().toMillis();
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.min(5_000, Math.max(1_000, timeout / 4)));
        long recycle = settings.recycle() != null ? settings.recycle().toMillis() : 0;
        config.setMaxLifetime(recycle >= 30_000 ? recycle : 0);
        config.setInitializationFailTimeout(-1); // lazy: nothing connects before the first checkout
        config.setPoolName(poolName);
        boolean autocommit = isolationLevel == IsolationLevel.AUTOCOMMIT;
        config.setAutoCommit(autocommit);
        if (isolationLevel != null && !autocommit) {
            config.setTransactionIsolation("TRANSACTION_" + isolationLevel.name());
        }
        driverProperties.forEach(config::addDataSourceProperty);
        if (customizer != null) {
            customizer.accept(config);
        }
        if (config.getDataSource() == null && config.getDataSourceClassName() == null
                && config.getDriverClassName() == null) {
            JdbcDrivers.require(config.getJdbcUrl(), url);
        }
        return new HikariQueuePool(config, null, settings, dialect, url.toString());
    }

    /** A pool over an application's data source. */
    public static HikariQueuePool borrowed(DataSource dataSource, PoolSettings settings, Dialect dialect,
            String target) {
        return new HikariQueuePool(null, dataSource, settings, dialect, target);
    }

    private HikariQueuePool(@Nullable HikariConfig config, @Nullable DataSource foreign, PoolSettings settings,
            Dialect dialect, String target) {
        super(settings, dialect, target);
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

    @Override
    public @Nullable HikariDataSource hikariDataSource() {
        HikariDataSource ds = hikari();
        return ds != null && !ds.isClosed() ? ds : null;
    }

    @Override
    protected Connection acquire(long timeoutMillis) throws SQLException {
        DataSource source = source();
        if (foreign == null && source instanceof HikariDataSource ds
                && ds.getHikariPoolMXBean() instanceof HikariPool pool) {
            // bounded by what is left of the checkout's deadline
            return pool.getTotalConnections() > 0 ? pool.getConnection(timeoutMillis) : first(pool, timeoutMillis);
        }
        Connection connection = source.getConnection();
        if (hikari() == null) {
            reset.capture(connection);
        }
        return connection;
    }

    /**
     * A checkout while the pool has no connection at all: waits in short slices and gives up at once when HikariCP's
     * last attempt to connect failed for good (login refused, nothing listening), instead of after the whole
     * {@code poolTimeout}. A server that does not answer still gets the whole timeout.
     */
    private static Connection first(HikariPool pool, long timeoutMillis) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                return pool.getConnection(Math.max(1, Math.min(left, FIRST_SLICE_MILLIS)));
            } catch (SQLTransientConnectionException e) {
                if (left <= FIRST_SLICE_MILLIS || refused(e.getCause())) {
                    throw e;
                }
            }
        }
    }

    /** Whether a connect failure will not go away by waiting: a login refused (28xxx) or no server (08001). */
    private static boolean refused(@Nullable Throwable failure) {
        String state = failure instanceof SQLException e ? e.getSQLState() : null;
        return state != null && (state.startsWith("28") || state.equals("08001") || state.equals("08004"));
    }

    @Override
    protected void resetState(Connection connection) throws SQLException {
        if (hikari() == null) {
            reset.restore(connection); // another pool: not every pool resets what the engine changed
        }
    }

    @Override
    protected boolean isOverflow() {
        HikariPoolMXBean bean = foreign == null ? bean() : null;
        return bean != null && bean.getIdleConnections() >= settings.poolSize();
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

    @Override
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
