package dev.retort.engine.spring.boot.actuate;

import dev.retort.engine.Engine;
import dev.retort.engine.EngineUrl;
import dev.retort.engine.exc.EngineException;
import dev.retort.engine.pool.Pool;
import dev.retort.engine.pool.Replica;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of one engine: UP when a connection from its pool answers the dialect's ping within the timeout, DOWN
 * otherwise. Details: {@code dialect}, {@code database} (product and server version, when UP), {@code pool}
 * ({@code active}, {@code idle}, {@code pending}, {@code max}) and, when DOWN, {@code error}. Never credentials or
 * URLs. An engine with read replicas also shows {@code replicas}: per replica (keyed by its hosts) its own
 * {@code status} (UP or DOWN, pinged like the primary), {@code routed} (whether read-only work goes to it now),
 * {@code database} or {@code error}, and {@code pool}. A replica that is down does not make the engine DOWN: its
 * read-only work goes to the other replicas (or the primary).
 * <p>
 * The check never blocks the caller beyond the timeout: the ping runs on its own daemon thread and the caller waits
 * for it until {@code timeout} after it started. When the database is gone or the pool is exhausted, the checkout may
 * block far longer (up to the pool timeout); later checks, this engine's {@code db} entry included, then share that
 * same ping instead of starting more threads, so at most one thread per engine (and per replica) is ever stuck.
 */
public final class EngineHealthIndicator extends AbstractHealthIndicator {

    private final Engine engine;
    private final InFlightCheck<String> ping;
    private final Map<Replica, InFlightCheck<String>> replicaPings = new LinkedHashMap<>();

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
        this.ping = new InFlightCheck<>("retort-health-" + engineName, timeout,
                () -> pingDatabase(engine::rawConnection, timeout));
        for (Replica replica : engine.replicas()) {
            replicaPings.put(replica, new InFlightCheck<>("retort-health-" + engineName + "-" + hosts(replica),
                    timeout, () -> pingDatabase(replica::rawConnection, timeout)));
        }
    }

    /** The engine this indicator checks. */
    public Engine engine() {
        return engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("dialect", engine.name());
        Map<String, Object> details = new LinkedHashMap<>();
        if (check(ping, details)) {
            builder.up();
        } else {
            builder.down();
        }
        builder.withDetails(details);
        Map<String, Object> pool = poolDetails(engine);
        if (pool != null) {
            builder.withDetail("pool", pool);
        }
        if (!replicaPings.isEmpty()) {
            builder.withDetail("replicas", replicaDetails());
        }
    }

    /** Each replica by its hosts: {@code status}, {@code routed}, {@code database} or {@code error}, {@code pool}. */
    private Map<String, Object> replicaDetails() {
        Map<String, Object> all = new LinkedHashMap<>();
        replicaPings.forEach((replica, replicaPing) -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", "UP");
            details.put("routed", replica.isAvailable());
            if (!check(replicaPing, details)) {
                details.put("status", "DOWN");
            }
            details.put("pool", poolDetails(replica.pool()));
            all.put(hosts(replica), details);
        });
        return all;
    }

    private static String hosts(Replica replica) {
        List<EngineUrl.Host> hosts = replica.url().hosts();
        return hosts.isEmpty() ? replica.url().toString()
                : hosts.stream().map(EngineUrl.Host::toString).collect(Collectors.joining(","));
    }

    /** Waits for {@code check}, putting {@code database} or {@code error} into {@code details}; whether it answered. */
    private boolean check(InFlightCheck<String> check, Map<String, Object> details) {
        try {
            details.put("database", check.get());
            return true;
        } catch (TimeoutException e) {
            details.put("error", "No answer from the database within " + check.timeout().toMillis()
                    + " ms (database down or pool exhausted)");
        } catch (ExecutionException e) {
            details.put("error", describe(e.getCause() != null ? e.getCause() : e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            details.put("error", "Interrupted while waiting for the database");
        }
        return false;
    }

    private String pingDatabase(Callable<java.sql.Connection> connect, Duration timeout) throws Exception {
        int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
        try (java.sql.Connection connection = connect.call()) {
            if (!engine.dialect().ping(connection, seconds)) {
                throw new IllegalStateException("The " + engine.name() + " dialect's ping failed");
            }
            DatabaseMetaData metaData = connection.getMetaData();
            return metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
        }
    }

    /** Exception class and message, with the engine's and replicas' passwords blanked should a driver echo one. */
    private String describe(Throwable e) {
        String message = blank(e.getClass().getName() + ": " + e.getMessage(), engine.url().password());
        for (Replica replica : replicaPings.keySet()) {
            message = blank(message, replica.url().password());
        }
        return message;
    }

    private static String blank(String message, @Nullable String password) {
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
        return poolDetails(pool);
    }

    private static Map<String, Object> poolDetails(Pool pool) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("active", pool.checkedOut());
        details.put("idle", pool.checkedIn());
        details.put("pending", pool.pending());
        details.put("max", pool.maxSize());
        return details;
    }
}
