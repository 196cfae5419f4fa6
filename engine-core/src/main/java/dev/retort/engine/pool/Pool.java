package dev.retort.engine.pool;

/**
 * The engine's connection pool as SQLAlchemy shows it ({@code engine.pool}): sizes and a status line. The pool itself
 * is HikariCP for {@link PoolClass#QUEUE}.
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

    /** A one-line summary, like SQLAlchemy's {@code pool.status()}. */
    String status();

    /** The kind of pool. */
    PoolClass poolClass();
}
