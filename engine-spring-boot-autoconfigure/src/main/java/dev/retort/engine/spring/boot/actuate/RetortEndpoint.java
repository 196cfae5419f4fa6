package dev.retort.engine.spring.boot.actuate;

import com.zaxxer.hikari.HikariDataSource;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineUrl;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.IsolationLevel;
import dev.retort.engine.event.ConnectionListener;
import dev.retort.engine.exc.EngineException;
import dev.retort.engine.event.PoolListener;
import dev.retort.engine.pool.Pool;
import dev.retort.engine.pool.Replica;
import dev.retort.engine.sql.CompiledCache;
import dev.retort.engine.sql.SchemaTranslateMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The read-only actuator endpoint {@code retort}: every engine with its URL (passwords and other secrets masked as
 * {@code ***}) and every host in it, dialect, driver, default isolation level, execution options, pool settings and
 * state, the compiled-statement cache its executions use (capacity, size, hits, misses), its schema translate map
 * when one is set, the class names of its connection listeners, and its read replicas (URL, hosts, whether read-only
 * work goes to them now, pool). {@code /actuator/retort/{name}} shows one engine.
 * <p>
 * Reading never starts a pool: the settings only HikariCP holds ({@code maxLifetimeMillis}, {@code name}) are
 * {@code null} until the engine's pool has connections.
 */
@Endpoint(id = "retort", defaultAccess = Access.READ_ONLY)
public final class RetortEndpoint {

    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;](?:[a-z_.-]*(?:password|passwd|pwd|secret|token|credential)[a-z_.-]*)=)[^&;]*");

    private final Supplier<Map<String, Engine>> engines;

    /**
     * Creates the endpoint.
     *
     * @param engines the engines by name, asked on each read
     */
    public RetortEndpoint(Supplier<Map<String, Engine>> engines) {
        this.engines = engines;
    }

    /** Every engine, by name. */
    @ReadOperation
    public EnginesDescriptor engines() {
        Map<String, EngineDescriptor> described = new TreeMap<>();
        engines.get().forEach((name, engine) -> described.put(name, describe(engine)));
        return new EnginesDescriptor(described);
    }

    /** One engine, or {@code null} (404) when there is none by that name. */
    @ReadOperation
    public @Nullable EngineDescriptor engine(@Selector String name) {
        Engine engine = engines.get().get(name);
        return engine != null ? describe(engine) : null;
    }

    static EngineDescriptor describe(Engine engine) {
        IsolationLevel isolation = engine.defaultIsolationLevel();
        List<String> listeners = new ArrayList<>();
        for (ConnectionListener l : engine.getListeners()) {
            listeners.add(l.getClass().getName());
        }
        List<ReplicaDescriptor> replicas = new ArrayList<>();
        for (Replica replica : engine.replicas()) {
            replicas.add(new ReplicaDescriptor(maskUrl(replica.url()), hosts(replica.url()), replica.isAvailable(),
                    replica.lastError(), pool(replica.pool())));
        }
        ExecutionOptions options = engine.getExecutionOptions();
        SchemaTranslateMap translate = options.schemaTranslateMap();
        return new EngineDescriptor(maskUrl(engine), hosts(engine.url()), engine.name(), engine.driver(),
                isolation != null ? isolation.sqlName() : null, options(options.asMap()), compiledCache(engine, options),
                translate != null && !translate.isEmpty() ? translate.asMap() : null, pool(engine), listeners,
                replicas);
    }

    /** The cache the engine's executions use: a {@link CompiledCache} given as option, else the engine's own. */
    private static CompiledCacheDescriptor compiledCache(Engine engine, ExecutionOptions options) {
        CompiledCache given = options.compiledCacheInstance();
        CompiledCache cache = given != null ? given : engine.compiledCache();
        return new CompiledCacheDescriptor(options.compiledCache(), given == null, cache.capacity(), cache.size(),
                cache.hits(), cache.misses());
    }

    /** The URL with its password, and any query or JDBC property naming a secret, shown as {@code ***}. */
    static String maskUrl(Engine engine) {
        return maskUrl(engine.url());
    }

    private static String maskUrl(EngineUrl engineUrl) {
        String url = SECRET_PARAMETER.matcher(engineUrl.renderAsString(true)).replaceAll("$1***");
        String password = engineUrl.password();
        return password != null && !password.isEmpty() ? url.replace(password, "***") : url;
    }

    private static List<String> hosts(EngineUrl url) {
        return url.hosts().stream().map(EngineUrl.Host::toString).toList();
    }

    private static Map<String, Object> options(Map<String, Object> options) {
        Map<String, Object> shown = new TreeMap<>();
        options.forEach((key, value) -> shown.put(key, plain(value)));
        return shown;
    }

    private static Object plain(@Nullable Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, String> shown = new TreeMap<>();
            map.forEach((k, v) -> shown.put(String.valueOf(k), String.valueOf(v)));
            return shown;
        }
        return String.valueOf(value);
    }

    private static @Nullable PoolDescriptor pool(Engine engine) {
        Pool pool;
        try {
            pool = engine.pool();
        } catch (EngineException mockEngine) {
            return null;
        }
        return pool(pool);
    }

    private static PoolDescriptor pool(Pool pool) {
        Long maxLifetime = null;
        String poolName = null;
        HikariDataSource hikari = pool.hikariDataSource(); // never starts a pool
        if (hikari != null) {
            maxLifetime = hikari.getMaxLifetime();
            poolName = hikari.getPoolName();
        }
        int pending = pool.pending();
        List<String> listeners = new ArrayList<>();
        for (PoolListener l : pool.listeners()) {
            listeners.add(l.getClass().getName());
        }
        Duration recycle = pool.recycle();
        return new PoolDescriptor(pool.poolClass().name().toLowerCase(Locale.ROOT), pool.size(),
                pool.maxSize() - pool.size(), pool.maxSize(), pool.timeout().toMillis(),
                recycle != null ? recycle.toMillis() : null, pool.prePing(), maxLifetime, poolName,
                pool.checkedOut(), pool.checkedIn(), pending, pool.overflow(), pool.status(), listeners);
    }

    /**
     * The engines.
     *
     * @param engines each engine by name
     */
    public record EnginesDescriptor(Map<String, EngineDescriptor> engines) {
    }

    /**
     * One engine.
     *
     * @param url the URL, secrets masked
     * @param hosts every host of the URL ({@code host:port}), several for a failover URL
     * @param dialect the dialect name
     * @param driver the driver name
     * @param defaultIsolationLevel the isolation level of the first connection ({@code null} before one was made)
     * @param executionOptions the engine's execution options
     * @param compiledCache the compiled-statement cache the engine's executions use
     * @param schemaTranslateMap the engine's {@code schema_translate_map} (schema to target; {@code ""} stands for
     *        tables without a schema, a {@code null} target renders them unqualified), or {@code null} when none is set
     * @param pool pool settings and state ({@code null} for a mock engine)
     * @param listeners class names of the connection listeners, in firing order
     * @param replicas the read replicas, in configuration order
     */
    public record EngineDescriptor(String url, List<String> hosts, String dialect, String driver,
            @Nullable String defaultIsolationLevel, Map<String, Object> executionOptions,
            CompiledCacheDescriptor compiledCache, @Nullable Map<String, @Nullable String> schemaTranslateMap,
            @Nullable PoolDescriptor pool, List<String> listeners, List<ReplicaDescriptor> replicas) {
    }

    /**
     * The compiled-statement cache of an engine (SQL expression language statements).
     *
     * @param enabled whether executions use it ({@code false} with the {@code compiled_cache} option off)
     * @param enginesOwn whether it is the engine's own cache ({@code false}: a cache given as {@code compiled_cache})
     * @param capacity the most compiled statements it keeps ({@code queryCacheSize}; 0 keeps none)
     * @param size compiled statements kept now
     * @param hits executions that found their compiled statement in it
     * @param misses executions that compiled their statement
     */
    public record CompiledCacheDescriptor(boolean enabled, boolean enginesOwn, int capacity, int size, long hits,
            long misses) {
    }

    /**
     * One read replica.
     *
     * @param url its URL, secrets masked
     * @param hosts every host of the URL
     * @param available whether read-only work goes to it now ({@code false} after a failed checkout, until it
     *        answers again)
     * @param lastError why it is unavailable, or {@code null}
     * @param pool its pool's settings and state
     */
    public record ReplicaDescriptor(String url, List<String> hosts, boolean available, @Nullable String lastError,
            PoolDescriptor pool) {
    }

    /**
     * Pool settings and state.
     *
     * @param poolClass {@code queue} (HikariCP), {@code null} or {@code static}
     * @param size the configured size ({@code poolSize})
     * @param maxOverflow connections allowed beyond the size
     * @param max the most connections the pool opens
     * @param timeoutMillis how long a checkout waits ({@code poolTimeout})
     * @param recycleMillis connections older than this are replaced ({@code poolRecycle}), {@code null}: never
     * @param prePing whether connections are pinged at checkout
     * @param maxLifetimeMillis HikariCP {@code maxLifetime} (0: no recycling), when known
     * @param name the HikariCP pool name, when known
     * @param checkedOut connections checked out now
     * @param checkedIn idle connections
     * @param pending threads waiting for a connection
     * @param overflow connections open beyond the size (negative when fewer are open)
     * @param status SQLAlchemy's {@code pool.status()} line
     * @param listeners class names of the pool listeners, in firing order
     */
    public record PoolDescriptor(String poolClass, int size, int maxOverflow, int max, long timeoutMillis,
            @Nullable Long recycleMillis, boolean prePing, @Nullable Long maxLifetimeMillis, @Nullable String name,
            int checkedOut, int checkedIn, int pending, int overflow, String status, List<String> listeners) {
    }
}
