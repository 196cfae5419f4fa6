package dev.retort.engine.pool;

/**
 * The pool implementations, named after SQLAlchemy's pool classes.
 */
public enum PoolClass {
    /** A real pool (HikariCP): {@code poolSize} kept, up to {@code poolSize + maxOverflow} open. */
    QUEUE,
    /** No pooling: every checkout opens a physical connection and check-in closes it. */
    NULL,
    /** Exactly one physical connection, shared by every checkout (for in-memory databases and tests). */
    STATIC
}
