package dev.retort.engine.spring.boot.autoconfigure;

import dev.retort.engine.Engine;
import dev.retort.engine.pool.PoolClass;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Start-up check of an engine that owns its pool: one physical connection is opened and closed, so that a wrong
 * password or an unreachable database stops the application with the driver's own message instead of failing the
 * first request after the whole pool timeout. The connection is opened directly with the engine's URL and
 * credentials (a pool would only report the failure when its checkout timeout expires), on a daemon thread that is
 * given the pool timeout, since a driver may wait far longer on a host that accepts but never answers.
 */
final class FailFast {

    private FailFast() {
    }

    /** Connects once; a failure closes {@code engine} and becomes an {@link InvalidEngineConfigurationException}. */
    static void check(String prefix, Engine engine, @Nullable String password) {
        Duration timeout = engine.pool().timeout();
        CompletableFuture<Void> connected = new CompletableFuture<>();
        Thread thread = new Thread(() -> connect(engine, connected), "retort-fail-fast");
        thread.setDaemon(true);
        thread.start();
        try {
            connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(prefix, engine, password, driverMessage(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw failure(prefix, engine, password, "No answer from the database within " + timeout.toMillis()
                    + " ms (" + prefix + ".pool.timeout)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(prefix, engine, password, "Interrupted while connecting", e);
        }
    }

    private static void connect(Engine engine, CompletableFuture<Void> connected) {
        try (Engine direct = Engine.builder(engine.url()).poolClass(PoolClass.NULL).build();
                java.sql.Connection connection = direct.rawConnection()) {
            connected.complete(null);
        } catch (Throwable e) {
            connected.completeExceptionally(e);
        }
    }

    private static InvalidEngineConfigurationException failure(String prefix, Engine engine,
            @Nullable String password, String message, Throwable cause) {
        engine.close();
        InvalidEngineConfigurationException failure = new InvalidEngineConfigurationException(prefix + ".url",
                Redaction.redact(message, password) + "\n(connecting at start-up to "
                        + Redaction.redact(engine.url().toString(), password) + ")",
                "Check the database URL, user and password in " + prefix + ".* and that the database is running "
                        + "and reachable; or set " + prefix + ".fail-fast=false to start without a database (the "
                        + "first use then fails instead).");
        failure.setStackTrace(cause.getStackTrace());
        return failure;
    }

    /** The innermost driver message ("password authentication failed for user ..."), below pool and engine. */
    private static String driverMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException && cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return String.valueOf(message);
    }
}
