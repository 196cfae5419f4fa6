package dev.retort.engine;

/**
 * Entry point for textual SQL, SQLAlchemy's {@code text()}.
 */
public final class Sql {

    private Sql() {
    }

    /**
     * Wraps SQL with {@code :name} bind parameters. {@code \:} is a literal colon and {@code ::} (a PostgreSQL cast)
     * is left alone. Parameters are bound by name when the clause is executed; a name without a value raises
     * {@link dev.retort.engine.exc.ArgumentException}, extra values are ignored.
     */
    public static TextClause text(String sql) {
        return new TextClause(sql, ExecutionOptions.empty());
    }
}
