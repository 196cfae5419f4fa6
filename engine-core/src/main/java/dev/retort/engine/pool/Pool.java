package dev.retort.engine.pool;

import com.zaxxer.hikari.HikariDataSource;
import dev.retort.engine.event.PoolListener;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The engine's connection pool as SQLAlchemy shows it ({@code engine.pool}): settings, sizes and a status line. The
 * pool itself is HikariCP for {@link PoolClass#QUEUE}.
 */
public interface Pool {

    /** The configured core size ({@code poolSize}). */
    int size();

    /** Connections currently checked out. */
    int checkedOut();

    /** Idle connections held by the pool. */
    int checkedIn();

    /** Connections open beyond {@link #size()}; negative when fewer than {@code size()} are open. */
    int overflow();

    /** The most connections the pool opens ({@code poolSize + maxOverflow}). */
    int maxSize();

    /** How long a checkout waits for a free connection ({@code poolTimeout}). */
    Duration timeout();

    /** Connections older than this are replaced at checkout ({@code poolRecycle}); {@code null}: never. */
    @Nullable Duration recycle();

    /** Whether connections are pinged at checkout ({@code poolPrePing}). */
    boolean prePing();

    /** The registered pool listeners, in firing order. */
    List<PoolListener> listeners();

    /**
     * Adds a listener to this pool only ({@code Engine.addPoolListener} adds it to the primary's and every replica's
     * pool).
     */
    void addListener(PoolListener listener);

    /** Removes a listener from this pool. */
    void removeListener(PoolListener listener);

    /** A one-line summary, like SQLAlchemy's {@code pool.status()}. */
    String status();

    /** The kind of pool. */
    PoolClass poolClass();

    /** Threads waiting for a connection now (0 when the pool cannot tell). */
    default int pending() {
        return 0;
    }

    /**
     * The HikariCP pool behind a {@link PoolClass#QUEUE} pool, for its MX beans and metrics: {@code null} for the
     * other pool classes, an application data source that is not HikariCP, or a pool that has not started (asking
     * never starts one).
     */
    default @Nullable HikariDataSource hikariDataSource() {
        return null;
    }
}
