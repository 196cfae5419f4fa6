/**
 * The pool as the engine exposes it: {@link dev.retort.engine.pool.Pool} statistics and the
 * {@link dev.retort.engine.pool.PoolClass} choices.
 */
@NullMarked
package dev.retort.engine.pool;

import org.jspecify.annotations.NullMarked;
