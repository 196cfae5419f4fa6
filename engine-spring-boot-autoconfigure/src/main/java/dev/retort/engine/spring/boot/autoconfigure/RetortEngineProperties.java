package dev.retort.engine.spring.boot.autoconfigure;

import dev.retort.engine.pool.PoolClass;
import dev.retort.engine.pool.ReplicaFallback;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Settings of a Retort engine: {@code retort.engine.*} for the application's engine, and the same keys under
 * {@code retort.engines.<name>.*} for each of several named engines. Names follow SQLAlchemy's
 * {@code create_engine()} arguments.
 *
 * @param url Database URL: dialect[+driver]://user:password@host:port/database?key=value, h2:mem:NAME,
 * h2:file:PATH or a jdbc: URL. The engine then builds its own pool, which becomes the application's DataSource bean
 * (so spring.datasource.* must not be set). When not set, the engine is built over the application's DataSource
 * (spring.datasource.*).
 * @param username Login user of the database, overriding the URL's.
 * @param password Login password of the database, overriding the URL's. Never logged.
 * @param dialect Dialect name (postgresql, mariadb, mysql, h2, ...) when it cannot be inferred from the URL or the
 * DataSource.
 * @param echo Whether to log every statement and its parameters at INFO (otherwise DEBUG).
 * @param hideParameters Whether to keep statement parameters out of logs and exception messages.
 * @param loggingName Name shown as [name] in log lines and used for the pool's name.
 * @param isolationLevel Isolation level of every connection: READ UNCOMMITTED, READ COMMITTED, REPEATABLE READ,
 * SERIALIZABLE or AUTOCOMMIT (underscores accepted).
 * @param queryCacheSize Size of the statement parse cache; 0 disables it.
 * @param executionOptions Engine-level execution options, SQLAlchemy spelling (logging_token, stream_results,
 * max_row_buffer, timeout, ...); dashes in keys are read as underscores.
 * @param pool Connection pool settings of an engine with a url. Setting any while the engine is built over the
 * application's DataSource is an error: that pool is configured with spring.datasource.hikari.*.
 * @param primary Whether this engine, its DataSource and its transaction manager are the primary beans (for
 * retort.engines.NAME).
 * @param failFast Whether an engine with a url opens one connection at start-up, so that a wrong password or an
 * unreachable database stops the application with the driver's message.
 * @param separatePool Whether an engine with a url keeps its pool to itself instead of making it the application's
 * DataSource bean. Only then may the application have another DataSource too (spring.datasource.* or its own
 * bean): two pools, and JdbcTemplate or JPA on the other one do not join the engine's transactions.
 * @param replicas Read replicas: read-only work (readonly=true, @Transactional(readOnly = true)) is checked out of
 * them, round-robin; everything else goes to this engine's URL. Each gets its own pool with the pool.* settings.
 * @param replicaFallback What read-only work does when no replica is available: PRIMARY (run it on the primary) or
 * FAIL.
 * @param replicaRecheck How long a replica whose checkout failed is skipped before it is tried again.
 */
@ConfigurationProperties("retort.engine")
public record RetortEngineProperties(
        @Nullable String url,
        @Nullable String username,
        @Nullable String password,
        @Nullable String dialect,
        @DefaultValue("false") boolean echo,
        @DefaultValue("false") boolean hideParameters,
        @Nullable String loggingName,
        @Nullable String isolationLevel,
        @DefaultValue("500") int queryCacheSize,
        @DefaultValue Map<String, String> executionOptions,
        @DefaultValue Pool pool,
        @DefaultValue("false") boolean primary,
        @DefaultValue("true") boolean failFast,
        @DefaultValue("false") boolean separatePool,
        @DefaultValue List<Replica> replicas,
        @DefaultValue("primary") ReplicaFallback replicaFallback,
        @DefaultValue("10s") Duration replicaRecheck) {

    @Override
    public String toString() {
        return "RetortEngineProperties[url=" + Redaction.redact(url, password) + ", username=" + username
                + ", password=" + (password == null ? null : "***") + ", dialect=" + dialect + ", replicas="
                + replicas + "]";
    }

    /**
     * One read replica.
     *
     * @param url Database URL of the replica (e.g. a PostgreSQL hot standby), same form as the engine's url.
     * @param username Login user of the replica, overriding its URL's; when neither is set, the engine's is used.
     * @param password Login password of the replica, overriding its URL's. Never logged.
     */
    public record Replica(@Nullable String url, @Nullable String username, @Nullable String password) {

        @Override
        public String toString() {
            return "Replica[url=" + Redaction.redact(url, password) + ", username=" + username + "]";
        }
    }

    /**
     * Pool settings, SQLAlchemy's {@code pool_*} arguments mapped onto HikariCP.
     *
     * @param size Number of idle connections kept open (SQLAlchemy pool_size); connections open on demand.
     * @param maxOverflow Connections allowed beyond the pool size (HikariCP maximumPoolSize = size + max-overflow).
     * @param timeout The longest a checkout takes, waiting and liveness checks included (SQLAlchemy pool_timeout).
     * @param recycle Connections older than this are replaced at checkout (SQLAlchemy pool_recycle); unset for
     * never.
     * @param prePing Whether to test each connection at checkout and transparently replace dead ones.
     * @param poolClass Kind of pool: QUEUE (HikariCP), NULL (no pooling) or STATIC (one shared connection).
     */
    public record Pool(
            @DefaultValue("5") int size,
            @DefaultValue("10") int maxOverflow,
            @DefaultValue("30s") Duration timeout,
            @Nullable Duration recycle,
            @DefaultValue("false") boolean prePing,
            @Name("class") @DefaultValue("queue") PoolClass poolClass) {

    }
}
