package dev.retort.engine;

import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.sql.Compiled;

/**
 * A statement of the SQL expression language ({@link dev.retort.engine.sql.Select}, {@link dev.retort.engine.sql.Insert},
 * {@link dev.retort.engine.sql.Update}, {@link dev.retort.engine.sql.Delete}): compiled per dialect, its structure
 * cached, its bind values extracted on every execution. Only the expression language's own statements can be
 * executed; other implementations are refused with {@link dev.retort.engine.exc.ArgumentException}.
 */
public non-sealed interface ClauseStatement extends Executable {

    /** Compiles the statement for a dialect (not cached). */
    Compiled compile(Dialect dialect);

    /** Compiles the statement for an engine's dialect (not cached). */
    Compiled compile(Engine engine);

    /**
     * Returns a copy with these options merged over the statement's own. {@code isolation_level} is refused
     * ({@link dev.retort.engine.exc.ArgumentException}): it is a connection or engine option.
     */
    ClauseStatement executionOptions(ExecutionOptions options);
}
