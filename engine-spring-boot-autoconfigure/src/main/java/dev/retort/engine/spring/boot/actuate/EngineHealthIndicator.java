package dev.retort.engine.spring.boot.actuate;

import dev.retort.engine.Engine;
import dev.retort.engine.exc.EngineException;
import dev.retort.engine.internal.HikariQueuePool;
import dev.retort.engine.pool.Pool;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of one engine: UP when a connection from its pool answers the dialect's ping within the timeout, DOWN
 * otherwise. Details: {@code dialect}, {@code database} (product and server version, when UP), {@code pool}
 * ({@code active}, {@code idle}, {@code pending}, {@code max}) and, when DOWN, {@code error}. Never credentials or
 * URLs.
 * <p>
 * The check never blocks the caller beyond the timeout: the ping runs on its own daemon thread and the caller waits
 * for it until {@code timeout} after it started. When the database is gone or the pool is exhausted, the checkout may
 * block far longer (up to the pool timeout); later checks, this engine's {@code db} entry included, then share that
 * same ping instead of starting more threads, so at most one thread per engine is ever stuck.
 */
public final class EngineHealthIndicator extends AbstractHealthIndicator {

    private final Engine engine;
    private final InFlightCheck<String> ping;

    /**
     * Creates the indicator.
     *
     * @param engine the engine to check
     * @param engineName its name (names the ping thread)
     * @param timeout the longest a health check waits for the ping
     */
    public EngineHealthIndicator(Engine engine, String engineName, Duration timeout) {
        super("Retort engine health check failed");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.ping = new InFlightCheck<>("retort-health-" + engineName, timeout, this::pingDatabase);
    }

    /** The engine this indicator checks. */
    public Engine engine() {
        return engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("dialect", engine.name());
        try {
            String database = ping.get();
            builder.up().withDetail("database", database);
        } catch (TimeoutException e) {
            builder.down().withDetail("error", "No answer from the database within " + ping.timeout().toMillis()
                    + " ms (database down or pool exhausted)");
        } catch (ExecutionException e) {
            builder.down().withDetail("error", describe(e.getCause() != null ? e.getCause() : e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down().withDetail("error", "Interrupted while waiting for the database");
        }
        Map<String, Object> pool = poolDetails(engine);
        if (pool != null) {
            builder.withDetail("pool", pool);
        }
    }

    private String pingDatabase() throws Exception {
        int seconds = (int) Math.max(1, (ping.timeout().toMillis() + 999) / 1000);
        try (java.sql.Connection connection = engine.rawConnection()) {
            if (!engine.dialect().ping(connection, seconds)) {
                throw new IllegalStateException("The " + engine.name() + " dialect's ping failed");
            }
            DatabaseMetaData metaData = connection.getMetaData();
            return metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
        }
    }

    /** Exception class and message, with the engine's password blanked should a driver ever echo it. */
    private String describe(Throwable e) {
        String message = e.getClass().getName() + ": " + e.getMessage();
        String password = engine.url().password();
        return password != null && !password.isEmpty() ? message.replace(password, "***") : message;
    }

    /** {@code active}, {@code idle}, {@code pending} and {@code max} of the engine's pool; {@code null} without one. */
    static @Nullable Map<String, Object> poolDetails(Engine engine) {
        Pool pool;
        try {
            pool = engine.pool();
        } catch (EngineException mockEngine) {
            return null;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("active", pool.checkedOut());
        details.put("idle", pool.checkedIn());
        details.put("pending", pool instanceof HikariQueuePool queue ? queue.pending() : 0);
        details.put("max", pool.maxSize());
        return details;
    }
}
