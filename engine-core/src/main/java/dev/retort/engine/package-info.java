/**
 * Retort's public API: {@link dev.retort.engine.Engine}, {@link dev.retort.engine.Connection}, transactions,
 * {@link dev.retort.engine.Sql#text(String) textual statements}, {@link dev.retort.engine.ExecutionOptions} and
 * {@link dev.retort.engine.Result}s, with SQLAlchemy 2.0's semantics.
 */
@NullMarked
package dev.retort.engine;

import org.jspecify.annotations.NullMarked;
