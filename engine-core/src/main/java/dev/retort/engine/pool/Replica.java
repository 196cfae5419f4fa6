package dev.retort.engine.pool;

import dev.retort.engine.EngineUrl;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * A read replica of an engine ({@code Engine.builder(url).replicas(...)}): its own pool, which serves read-only work,
 * and whether the engine currently sends it work.
 */
public interface Replica {

    /** The replica's URL ({@code toString()} masks the password). */
    EngineUrl url();

    /** The replica's own pool (its own pool events and sizes). */
    Pool pool();

    /**
     * Whether read-only work goes to this replica: {@code false} after a checkout from it failed, until a later
     * checkout (tried again after the recheck interval) succeeds.
     */
    boolean isAvailable();

    /** Why the replica is unavailable (password masked), or {@code null} when it is available. */
    @Nullable String lastError();

    /** A raw JDBC connection from the replica's pool, outside the engine's routing and transactions; close it. */
    Connection rawConnection() throws SQLException;
}
