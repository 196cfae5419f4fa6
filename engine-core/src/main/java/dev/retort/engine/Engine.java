package dev.retort.engine;

import com.zaxxer.hikari.HikariConfig;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.DialectRegistry;
import dev.retort.engine.event.ConnectionListener;
import dev.retort.engine.event.PoolListener;
import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.exc.EngineException;
import dev.retort.engine.exc.ResourceClosedException;
import dev.retort.engine.internal.DriverPools;
import dev.retort.engine.internal.HikariQueuePool;
import dev.retort.engine.internal.JdbcDrivers;
import dev.retort.engine.internal.LruCache;
import dev.retort.engine.internal.ManagedPool;
import dev.retort.engine.internal.MockJdbc;
import dev.retort.engine.internal.ParsedSql;
import dev.retort.engine.internal.ReplicaRouter;
import dev.retort.engine.sql.CompiledCache;
import dev.retort.engine.pool.Pool;
import dev.retort.engine.pool.PoolClass;
import dev.retort.engine.pool.PoolSettings;
import dev.retort.engine.pool.Replica;
import dev.retort.engine.pool.ReplicaFallback;
import dev.retort.engine.spi.ContextualConnectionResolver;
import dev.retort.engine.spi.ExternalTransaction;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The starting point: a pool of connections to one database plus a dialect, SQLAlchemy's {@code Engine}. Thread-safe
 * and meant to live as long as the application. {@link #connect()} hands out {@link Connection}s;
 * {@link #begin()}, {@link #inTransaction} and {@link #useTransaction} are the {@code with engine.begin():} form.
 * {@link #executionOptions(ExecutionOptions)} derives an option engine that shares pool and dialect.
 */
public final class Engine implements AutoCloseable {

    static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final ConnectionListener[] NO_LISTENERS = new ConnectionListener[0];
    private static final ExecutionOptions CONNECTIONLESS = ExecutionOptions.empty().withAutocommit(true);
    private static final ExecutionOptions READ_ONLY = ExecutionOptions.empty().withReadOnly(true);
    private static final ContextualConnectionResolver[] RESOLVERS = ServiceLoader
            .load(ContextualConnectionResolver.class, Engine.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get).toArray(ContextualConnectionResolver[]::new);

    /** State shared by an engine and its option engines. */
    static final class Core {
        final EngineUrl url;
        final Dialect dialect;
        final ManagedPool pool;
        final LruCache<ParsedSql> queryCache;
        final LruCache<ParsedSql> driverSqlCache;
        final CompiledCache compiledCache;
        final boolean echo;
        final boolean hideParameters;
        final @Nullable String loggingName;
        final @Nullable IsolationLevel poolIsolation;
        /** A mock engine ({@link #mock}): its pool's connections execute nothing; it has no public pool. */
        final boolean mock;
        boolean leakDetection;
        /** Routes read-only checkouts to replicas; {@code null} for an engine without replicas. */
        @Nullable ReplicaRouter router;
        volatile @Nullable IsolationLevel defaultIsolation;
        volatile boolean closed;

        Core(EngineUrl url, Dialect dialect, ManagedPool pool, int queryCacheSize, boolean echo,
                boolean hideParameters, @Nullable String loggingName, @Nullable IsolationLevel poolIsolation,
                boolean mock) {
            this.url = url;
            this.dialect = dialect;
            this.pool = pool;
            this.queryCache = new LruCache<>(queryCacheSize);
            this.driverSqlCache = new LruCache<>(queryCacheSize);
            this.compiledCache = new CompiledCache(queryCacheSize);
            this.echo = echo;
            this.hideParameters = hideParameters;
            this.loggingName = loggingName;
            this.poolIsolation = poolIsolation;
            this.mock = mock;
        }
    }

    final Core core;
    private final @Nullable Engine parent;
    private volatile ExecutionOptions options;
    private volatile ConnectionListener[] own;
    private volatile ConnectionListener[] effective;
    private volatile ConnectionListener @Nullable [] effectiveParentSnapshot;

    private Engine(Core core, @Nullable Engine parent, ExecutionOptions options, ConnectionListener[] listeners) {
        this.core = core;
        this.parent = parent;
        this.options = options;
        this.own = listeners;
        this.effective = listeners;
    }

    /** Creates an engine for a URL with default settings. */
    public static Engine create(String url) {
        return builder(url).build();
    }

    /** Starts building an engine for a SQLAlchemy-style or {@code jdbc:} URL. */
    public static Builder builder(String url) {
        return new Builder(EngineUrl.parse(url), null);
    }

    /** Starts building an engine for a parsed URL. */
    public static Builder builder(EngineUrl url) {
        return new Builder(url, null);
    }

    /**
     * Starts building an engine over an existing {@link DataSource} (the application's pool). Name the dialect with
     * {@link Builder#dialect(String)} unless it can be read from a HikariCP JDBC URL.
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(null, Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * An engine that executes nothing: every statement's SQL is handed to {@code sqlSink} (SQLAlchemy's
     * {@code create_mock_engine}). Results are empty.
     */
    public static Engine mock(Consumer<String> sqlSink, String dialect) {
        Dialect d = DialectRegistry.get(dialect);
        PoolSettings settings = new PoolSettings(1, 0, Duration.ofSeconds(30), null, false);
        ManagedPool pool = DriverPools.nullPool(MockJdbc.dataSource(sqlSink), settings, d, "mock");
        Core core = new Core(EngineUrl.parse("jdbc:" + d.name() + ":mock"), d, pool, 0, false, false, "mock", null,
                true);
        return new Engine(core, null, ExecutionOptions.empty(), NO_LISTENERS);
    }

    /**
     * The cache of compiled expression-language statements (capacity {@code queryCacheSize}; 0 disables it), shared
     * with this engine's option engines. Its counters tell how often executions found their compiled form.
     */
    public CompiledCache compiledCache() {
        return core.compiledCache;
    }

    /** Whether this engine is a {@link #mock} engine that executes nothing. */
    public boolean isMock() {
        return core.mock;
    }

    // ---------------------------------------------------------------- connections

    /**
     * Checks a connection out of the pool. Inside a transaction managed by a framework (Spring), returns a branch of
     * that transaction's connection instead; inside a read-only one that has no connection for this engine, an engine
     * with replicas checks out of a replica.
     */
    public Connection connect() {
        checkOpen();
        if (core.mock) {
            return connectDirect(); // a mock engine takes part in no framework transaction
        }
        for (ContextualConnectionResolver resolver : RESOLVERS) {
            Connection joined = resolver.resolve(this);
            if (joined != null) {
                return joined;
            }
        }
        if (core.router != null && options.readOnly() == null) {
            for (ContextualConnectionResolver resolver : RESOLVERS) {
                if (resolver.isReadOnly(this)) {
                    return connectDirect(READ_ONLY);
                }
            }
        }
        return connectDirect();
    }

    /** Checks a connection out of the pool, ignoring any framework-managed transaction. */
    public Connection connectDirect() {
        return open(Boolean.TRUE.equals(options.readOnly()));
    }

    /**
     * Checks a connection out with connection-level execution options set from the start, ignoring any
     * framework-managed transaction. On an engine with replicas, {@code readonly=true} here checks the connection out
     * of a replica directly instead of moving it there when the option is set afterwards.
     */
    public Connection connectDirect(ExecutionOptions connectionOptions) {
        Boolean readOnly = connectionOptions.readOnly();
        Connection connection = open(readOnly != null ? readOnly : Boolean.TRUE.equals(options.readOnly()));
        try {
            return connectionOptions.isEmpty() ? connection : connection.executionOptions(connectionOptions);
        } catch (RuntimeException | Error e) {
            connection.close();
            throw e;
        }
    }

    private Connection open(boolean readOnlyRoute) {
        checkOpen();
        Connection connection = new Connection(this, readOnlyRoute);
        try {
            for (ConnectionListener l : listeners()) {
                l.engineConnect(connection);
            }
        } catch (RuntimeException | Error e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * Wraps a JDBC connection of a transaction this engine does not own into a branch connection: statements run on
     * it with the engine's events, {@code commit()}/{@code rollback()} are refused, {@code close()} leaves it open.
     */
    public Connection adopt(java.sql.Connection jdbcConnection, ExternalTransaction owner) {
        checkOpen();
        return new Connection(this, jdbcConnection, owner, null);
    }

    /**
     * A connection with a begun transaction: {@code commit()} commits, {@code close()} without commit rolls back
     * (SQLAlchemy's {@code engine.begin()}).
     */
    public Connection begin() {
        Connection connection = connect();
        try {
            connection.begin();
            return connection;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Runs {@code work} in a transaction: commits on success, rolls back and rethrows on any exception. */
    public <T> T inTransaction(SqlFunction<Connection, T> work) {
        try (Connection connection = connect()) {
            return connection.inTransaction(work);
        }
    }

    /** Like {@link #inTransaction} without a result. */
    public void useTransaction(SqlConsumer<Connection> work) {
        try (Connection connection = connect()) {
            connection.useTransaction(work);
        }
    }

    /** Runs {@code work} with a connection that is closed (rolling back anything uncommitted) afterwards. */
    public <T> T withConnection(SqlFunction<Connection, T> work) {
        try (Connection connection = connect()) {
            return work.apply(connection);
        } catch (Exception e) {
            throw sneaky(e);
        }
    }

    /**
     * Connectionless execution: runs the statement on a pooled connection, committing anything that is not a query;
     * the connection goes back to the pool when the result is exhausted or closed.
     */
    public Result execute(Executable statement) {
        return execute(statement, Map.of());
    }

    /** Connectionless execution with parameters; see {@link #execute(Executable)}. */
    public Result execute(Executable statement, Map<String, ?> parameters) {
        Connection connection = connect();
        try {
            Result result = connection.execute(statement, parameters, CONNECTIONLESS);
            result.closeConnectionWithResult(connection);
            return result;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Connectionless: the first column of the first row, or {@code null}. */
    public @Nullable Object scalar(Executable statement) {
        return scalar(statement, Map.of());
    }

    /** Connectionless: the first column of the first row, or {@code null}. */
    public @Nullable Object scalar(Executable statement, Map<String, ?> parameters) {
        return withConnection(c -> c.scalar(statement, parameters));
    }

    /** A raw JDBC connection from the pool, outside the engine's transaction handling; close it yourself. */
    public java.sql.Connection rawConnection() {
        checkOpen();
        try {
            return managedPool().dataSource().getConnection();
        } catch (SQLException e) {
            throw dev.retort.engine.internal.Errors.wrap(e, null, null, core.hideParameters, false);
        }
    }

    // ---------------------------------------------------------------- options

    /** A new engine sharing pool and dialect, with these options layered over this engine's. */
    public Engine executionOptions(ExecutionOptions more) {
        validateEngineOptions(more);
        Engine child = new Engine(core, this, options.merge(more), NO_LISTENERS);
        for (ConnectionListener l : child.listeners()) {
            l.setEngineExecutionOptions(child, more);
        }
        return child;
    }

    /** Merges options into this engine's, for connections made from now on. */
    public void updateExecutionOptions(ExecutionOptions more) {
        validateEngineOptions(more);
        options = options.merge(more);
        for (ConnectionListener l : listeners()) {
            l.setEngineExecutionOptions(this, more);
        }
    }

    /** This engine's execution options. */
    public ExecutionOptions getExecutionOptions() {
        return options;
    }

    private void validateEngineOptions(ExecutionOptions more) {
        String level = more.isolationLevelName();
        if (level != null) {
            core.dialect.checkIsolationLevel(level);
        }
    }

    // ---------------------------------------------------------------- listeners

    /** Adds a connection listener to this engine (an option engine's listeners fire before its parent's). */
    public synchronized void addListener(ConnectionListener listener) {
        ConnectionListener[] copy = Arrays.copyOf(own, own.length + 1);
        copy[copy.length - 1] = Objects.requireNonNull(listener, "listener");
        own = copy;
        effectiveParentSnapshot = null;
    }

    /** Removes a connection listener from this engine. */
    public synchronized void removeListener(ConnectionListener listener) {
        List<ConnectionListener> list = new ArrayList<>(Arrays.asList(own));
        list.remove(listener);
        own = list.toArray(NO_LISTENERS);
        effectiveParentSnapshot = null;
    }

    /** Adds a pool listener (pool listeners belong to the shared pool, and to every replica's pool). */
    public void addPoolListener(PoolListener listener) {
        managedPool().addListener(Objects.requireNonNull(listener, "listener"));
        if (core.router != null) {
            for (ReplicaRouter.Member replica : core.router.replicas()) {
                replica.managedPool().addListener(listener);
            }
        }
    }

    /** Removes a pool listener. */
    public void removePoolListener(PoolListener listener) {
        managedPool().removeListener(listener);
        if (core.router != null) {
            for (ReplicaRouter.Member replica : core.router.replicas()) {
                replica.managedPool().removeListener(listener);
            }
        }
    }

    /** The listeners in firing order: this engine's own, then its parent's. */
    ConnectionListener[] listeners() {
        if (parent == null) {
            return own;
        }
        ConnectionListener[] parents = parent.listeners();
        if (parents != effectiveParentSnapshot) {
            synchronized (this) {
                ConnectionListener[] mine = own;
                ConnectionListener[] merged = Arrays.copyOf(mine, mine.length + parents.length);
                System.arraycopy(parents, 0, merged, mine.length, parents.length);
                effective = merged;
                effectiveParentSnapshot = parents;
            }
        } else if (effective.length < own.length) {
            effectiveParentSnapshot = null;
            return listeners();
        }
        return effective;
    }

    /** The connection listeners of this engine in firing order (for diagnostics). */
    public List<ConnectionListener> getListeners() {
        return List.of(listeners());
    }

    // ---------------------------------------------------------------- life cycle

    /**
     * Closes the pool's idle connections and fires {@code engineDisposed}; connections checked out now keep working
     * and are closed when returned, and the engine goes on with fresh connections.
     */
    public void dispose() {
        core.pool.dispose();
        if (core.router != null) {
            core.router.dispose();
        }
        for (ConnectionListener l : listeners()) {
            l.engineDisposed(this);
        }
    }

    /** Disposes the pool for good; any further use raises {@link ResourceClosedException}. */
    @Override
    public void close() {
        if (!core.closed) {
            dispose();
            core.closed = true;
            core.pool.shutdown();
            if (core.router != null) {
                core.router.shutdown();
            }
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return core.closed;
    }

    void checkOpen() {
        if (core.closed) {
            throw new ResourceClosedException("This Engine is closed; create a new Engine (Engine.create(url)) "
                    + "instead of using one after close()");
        }
    }

    // ---------------------------------------------------------------- information

    /** The URL (password masked in {@code toString()}). */
    public EngineUrl url() {
        return core.url;
    }

    /** The dialect. */
    public Dialect dialect() {
        return core.dialect;
    }

    /** The dialect name, e.g. {@code postgresql}. */
    public String name() {
        return core.dialect.name();
    }

    /** The driver name, e.g. {@code pgjdbc}. */
    public String driver() {
        String d = core.url.driver();
        return d != null ? d : core.dialect.driverName();
    }

    /** The logging name given to the builder, or {@code null}. */
    public @Nullable String loggingName() {
        return core.loggingName;
    }

    /** Whether statements are logged at INFO ({@code echo}). */
    public boolean echo() {
        return core.echo;
    }

    /** Whether parameters are kept out of logs and exception messages. */
    public boolean hideParameters() {
        return core.hideParameters;
    }

    /** The pool. */
    public Pool pool() {
        if (core.mock) {
            throw new EngineException("A mock engine has no pool");
        }
        return core.pool;
    }

    /**
     * The engine's {@link DataSource}: always the same object for the engine's life, reaching its current pool.
     * Frameworks key transactions on it.
     */
    public DataSource dataSource() {
        return managedPool().dataSource();
    }

    private ManagedPool managedPool() {
        return (ManagedPool) pool();
    }

    /**
     * The read replicas, in configuration order; empty for an engine without replicas. Connections with
     * {@code readonly=true} (connection or engine option, or a read-only Spring transaction) are checked out of
     * them, round-robin over the available ones.
     */
    public List<Replica> replicas() {
        return core.router == null ? List.of() : List.copyOf(core.router.replicas());
    }

    /**
     * An option engine whose connections always use the primary ({@code readonly=false}), e.g. to read what was just
     * written in another transaction without replication lag. Create it once and keep it.
     */
    public Engine withPrimary() {
        return executionOptions(ExecutionOptions.empty().withReadOnly(false));
    }

    /** Reads table, column and primary-key information. */
    public Inspector inspect() {
        return new Inspector(this);
    }

    /** The isolation level the first connection had, or {@code null} before the first connection. */
    public @Nullable IsolationLevel defaultIsolationLevel() {
        return core.defaultIsolation;
    }

    @Override
    public String toString() {
        return "Engine(" + core.url + ")";
    }

    // ---------------------------------------------------------------- helpers

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }

    /**
     * Builds an {@link Engine}. Defaults follow SQLAlchemy's {@code create_engine}: pool size 5, max overflow 10,
     * pool timeout 30 s, no recycle, no pre-ping, query cache 500.
     */
    public static final class Builder {
        private final @Nullable EngineUrl url;
        private final @Nullable DataSource dataSource;
        private @Nullable String dialectName;
        private @Nullable String username;
        private @Nullable String password;
        private boolean echo;
        private boolean hideParameters;
        private @Nullable String loggingName;
        private @Nullable IsolationLevel isolationLevel;
        private int poolSize = 5;
        private int maxOverflow = 10;
        private Duration poolTimeout = Duration.ofSeconds(30);
        private @Nullable Duration poolRecycle;
        private boolean poolPrePing;
        private PoolClass poolClass = PoolClass.QUEUE;
        private int queryCacheSize = 500;
        private ExecutionOptions executionOptions = ExecutionOptions.empty();
        private final List<ConnectionListener> listeners = new ArrayList<>();
        private final List<PoolListener> poolListeners = new ArrayList<>();
        private final Map<String, String> connectArgs = new LinkedHashMap<>();
        private @Nullable Consumer<HikariConfig> hikariCustomizer;
        private boolean leakDetection;
        private final ReplicaSettings replicas = new ReplicaSettings();

        private Builder(@Nullable EngineUrl url, @Nullable DataSource dataSource) {
            this.url = url;
            this.dataSource = dataSource;
        }

        /** The dialect by name, for engines over a {@link DataSource} (or to override the URL's). */
        public Builder dialect(String name) {
            this.dialectName = name;
            return this;
        }

        /** The user name, overriding the URL's. */
        public Builder username(@Nullable String username) {
            this.username = username;
            return this;
        }

        /** The password, overriding the URL's. Never logged. */
        public Builder password(@Nullable String password) {
            this.password = password;
            return this;
        }

        /** Log every statement and its parameters at INFO (otherwise DEBUG). */
        public Builder echo(boolean echo) {
            this.echo = echo;
            return this;
        }

        /** Keep parameters out of logs and exception messages. */
        public Builder hideParameters(boolean hide) {
            this.hideParameters = hide;
            return this;
        }

        /** A name shown as {@code [name]} in log lines and used for the pool's name. */
        public Builder loggingName(@Nullable String name) {
            this.loggingName = name;
            return this;
        }

        /** The isolation level of every connection ({@code AUTOCOMMIT} for JDBC autocommit). */
        public Builder isolationLevel(@Nullable IsolationLevel level) {
            this.isolationLevel = level;
            return this;
        }

        /**
         * Connections kept open once opened ({@code pool_size}); at least 1. Connections open on demand; one coming
         * back while this many are idle is closed.
         */
        public Builder poolSize(int size) {
            this.poolSize = size;
            return this;
        }

        /** Connections allowed beyond the pool size ({@code max_overflow}); they are closed when they come back. */
        public Builder maxOverflow(int overflow) {
            this.maxOverflow = overflow;
            return this;
        }

        /**
         * The longest a checkout takes ({@code pool_timeout}): waiting for a free connection, liveness checks and
         * replacing dead connections included; then {@link dev.retort.engine.exc.PoolTimeoutException} (pool
         * exhausted) or {@link dev.retort.engine.exc.OperationalException} (no connection could be opened).
         */
        public Builder poolTimeout(Duration timeout) {
            this.poolTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Connections older than this are replaced at checkout ({@code null} or zero: never; negative is refused). */
        public Builder poolRecycle(@Nullable Duration recycle) {
            this.poolRecycle = recycle;
            return this;
        }

        /** Test each connection at checkout and replace dead ones transparently. */
        public Builder poolPrePing(boolean prePing) {
            this.poolPrePing = prePing;
            return this;
        }

        /** The kind of pool. */
        public Builder poolClass(PoolClass poolClass) {
            this.poolClass = Objects.requireNonNull(poolClass, "poolClass");
            return this;
        }

        /** Size of the statement parse cache; 0 disables it. */
        public Builder queryCacheSize(int size) {
            this.queryCacheSize = size;
            return this;
        }

        /** Engine-level execution options. */
        public Builder executionOptions(ExecutionOptions options) {
            this.executionOptions = this.executionOptions.merge(options);
            return this;
        }

        /** Adds a connection listener. */
        public Builder listener(ConnectionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Adds a pool listener. */
        public Builder poolListener(PoolListener listener) {
            poolListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** A driver property ({@code connect_args}). */
        public Builder connectArg(String key, String value) {
            connectArgs.put(key, value);
            return this;
        }

        /**
         * Report connections garbage-collected without {@code close()}, with where they were opened, and return their
         * JDBC connection to the pool. Costs a stack trace per checkout: for development and tests.
         */
        public Builder leakDetection(boolean enabled) {
            this.leakDetection = enabled;
            return this;
        }

        /**
         * Read replicas (e.g. PostgreSQL hot standbys), each with its own pool of the same settings: work marked
         * read-only ({@code readonly=true} on a connection or an option engine, a read-only Spring transaction) is
         * checked out of them, round-robin; everything else goes to the primary. A replica URL without credentials
         * uses the primary's.
         */
        public Builder replicas(String... urls) {
            for (String u : urls) {
                replicas.urls.add(EngineUrl.parse(u));
            }
            return this;
        }

        /** Read replicas by parsed URL; see {@link #replicas(String...)}. */
        public Builder replicas(EngineUrl... urls) {
            replicas.urls.addAll(List.of(urls));
            return this;
        }

        /** Read replicas over the application's own pools; see {@link #replicas(String...)}. */
        public Builder replicas(DataSource... dataSources) {
            replicas.dataSources.addAll(List.of(dataSources));
            return this;
        }

        /** What read-only work does when no replica is available (default: run on the primary). */
        public Builder replicaFallback(ReplicaFallback fallback) {
            replicas.fallback = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        /** How long a replica whose checkout failed is skipped before it is tried again (default 10 s). */
        public Builder replicaRecheck(Duration interval) {
            replicas.recheck = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Adjusts the HikariCP configuration the engine builds (QUEUE pools from a URL only). Several calls add up:
         * each customizer runs after the ones given before it.
         */
        public Builder hikari(Consumer<HikariConfig> customizer) {
            Objects.requireNonNull(customizer, "customizer");
            this.hikariCustomizer = hikariCustomizer == null ? customizer : hikariCustomizer.andThen(customizer);
            return this;
        }

        /**
         * Builds the engine. Nothing connects yet: the pool opens on first use.
         *
         * @throws ArgumentException when a setting makes no sense; the message names it and the fix
         */
        public Engine build() {
            PoolSettings settings = new PoolSettings(poolSize, maxOverflow, poolTimeout, poolRecycle, poolPrePing);
            if (queryCacheSize < 0) {
                throw new ArgumentException("queryCacheSize must be 0 (disabled) or more, was " + queryCacheSize);
            }
            EngineUrl engineUrl = resolveUrl();
            Dialect dialect = dialectName != null ? DialectRegistry.get(dialectName) : DialectRegistry.load(engineUrl);
            if (isolationLevel != null) {
                dialect.checkIsolationLevel(isolationLevel.sqlName());
            }
            String optionLevel = executionOptions.isolationLevelName();
            if (optionLevel != null) {
                dialect.checkIsolationLevel(optionLevel);
            }
            ManagedPool pool = buildPool(engineUrl, dialect, settings);
            for (PoolListener l : poolListeners) {
                pool.addListener(l);
            }
            boolean poolAppliesIsolation = dataSource == null && poolClass == PoolClass.QUEUE;
            Core core = new Core(engineUrl, dialect, pool, queryCacheSize, echo, hideParameters, loggingName,
                    poolAppliesIsolation ? isolationLevel : null, false);
            core.leakDetection = leakDetection;
            core.router = replicas.router(pool, engineUrl, dialect, settings, poolListeners, this::replicaPool);
            ExecutionOptions opts = isolationLevel != null && !poolAppliesIsolation
                    ? executionOptions.merge(ExecutionOptions.empty().withIsolationLevel(isolationLevel))
                    : executionOptions;
            Engine engine = new Engine(core, null, opts, listeners.toArray(NO_LISTENERS));
            if (!opts.isEmpty()) {
                for (ConnectionListener l : engine.listeners()) {
                    l.setEngineExecutionOptions(engine, opts);
                }
            }
            return engine;
        }

        private EngineUrl resolveUrl() {
            if (url != null) {
                return username != null || password != null
                        ? url.withCredentials(username != null ? username : url.username(),
                                password != null ? password : url.password())
                        : url;
            }
            String jdbc = null;
            if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) {
                jdbc = hikari.getJdbcUrl();
            }
            if (jdbc == null) {
                if (dialectName == null) {
                    throw new ArgumentException("Cannot tell the dialect of the DataSource " + dataSource.getClass()
                            .getName() + "; name it with Engine.builder(dataSource).dialect(\"postgresql\")");
                }
                jdbc = "jdbc:" + dialectName + ":datasource";
            }
            return EngineUrl.parse(jdbc);
        }

        private ManagedPool buildPool(EngineUrl engineUrl, Dialect dialect, PoolSettings settings) {
            if (dataSource != null) {
                return HikariQueuePool.borrowed(dataSource, settings, dialect, engineUrl.toString());
            }
            String jdbcUrl = engineUrl.toJdbcUrl();
            Map<String, String> driverProperties = new LinkedHashMap<>(dialect.driverProperties());
            driverProperties.putAll(connectArgs);
            if (poolClass != PoolClass.QUEUE) {
                JdbcDrivers.require(jdbcUrl, engineUrl);
                Properties props = new Properties();
                props.putAll(driverProperties);
                if (engineUrl.username() != null) {
                    props.setProperty("user", engineUrl.username());
                }
                if (engineUrl.password() != null) {
                    props.setProperty("password", engineUrl.password());
                }
                DataSource driver = DriverPools.driverDataSource(jdbcUrl, props);
                return poolClass == PoolClass.NULL
                        ? DriverPools.nullPool(driver, settings, dialect, engineUrl.toString())
                        : DriverPools.staticPool(driver, settings, dialect, engineUrl.toString());
            }
            return HikariQueuePool.owned(engineUrl, settings, dialect, isolationLevel, false, poolName(dialect, ""),
                    driverProperties, hikariCustomizer);
        }

        /** A replica's pool: the primary's settings, its own URL, and connections read-only from the start. */
        private ManagedPool replicaPool(EngineUrl replicaUrl, Dialect dialect, PoolSettings settings, String suffix) {
            Map<String, String> driverProperties = new LinkedHashMap<>(dialect.driverProperties());
            driverProperties.putAll(connectArgs);
            return HikariQueuePool.owned(replicaUrl, settings, dialect, isolationLevel, true, poolName(dialect, suffix),
                    driverProperties, hikariCustomizer);
        }

        private String poolName(Dialect dialect, String suffix) {
            return "retort-" + (loggingName != null ? loggingName : dialect.name()) + suffix;
        }
    }
}
