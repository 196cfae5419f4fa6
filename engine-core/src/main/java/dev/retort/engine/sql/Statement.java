package dev.retort.engine.sql;

import dev.retort.engine.ClauseStatement;
import dev.retort.engine.Engine;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.internal.ClauseSupport;
import dev.retort.engine.internal.ParsedSql;
import org.jspecify.annotations.Nullable;

/** The base of the four statements: options, compilation, and the per-instance memo of the last compiled form. */
abstract class Statement extends Element implements ClauseStatement {

    static {
        ClauseSupport.install(new ClauseExecution());
    }

    final ExecutionOptions options;
    /** The compiled form of this instance's last execution (SQLAlchemy's statement memo); values are not kept. */
    volatile CompiledCache.@Nullable Entry memo;

    Statement(ExecutionOptions options) {
        this.options = options;
    }

    @Override
    public ExecutionOptions executionOptions() {
        return options;
    }

    @Override
    public Compiled compile(Dialect dialect) {
        return ClauseExecution.compile(this, dialect);
    }

    @Override
    public Compiled compile(Engine engine) {
        return compile(engine.dialect());
    }

    /** The statement kind, for the engine's execution path. */
    abstract ParsedSql.Operation operation();

    static ExecutionOptions checkedOptions(ExecutionOptions more) {
        if (more.isolationLevelName() != null) {
            throw new ArgumentException("'isolation_level' execution option may only be specified on "
                    + "Connection.executionOptions(), or per-engine using Engine.Builder.isolationLevel()");
        }
        return more;
    }

    /**
     * The statement in the generic dialect (as for unknown databases): {@code "} quoting, {@code LIMIT ? OFFSET ?},
     * {@code :name} bind parameters.
     */
    @Override
    public String toString() {
        return SqlCompiler.display(this);
    }
}
