package dev.retort.engine.sql;

import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.internal.ParsedSql;
import dev.retort.engine.schema.Table;
import org.jspecify.annotations.Nullable;

/**
 * {@code UPDATE table SET ... WHERE ...}, SQLAlchemy's {@code update()}. Immutable: every method returns a copy. SET
 * columns are rendered in table order; execution parameters naming columns not set by {@link #values} add them.
 */
public final class Update extends ValuesDml<Update> {

    final Object[] where;

    /** {@code UPDATE table}. */
    public Update(Table table) {
        this(ExecutionOptions.empty(), table, noValues(table), NONE, NONE);
    }

    private Update(ExecutionOptions options, Table table, Object[] values, Object[] where, Object[] returning) {
        super(options, table, values, returning);
        this.where = where;
    }

    @Override
    Update copyWithValues(Object[] newValues) {
        return new Update(options, table, newValues, where, returning);
    }

    /** Adds WHERE criteria, joined with AND. */
    @SafeVarargs
    public final Update where(ColumnElement<Boolean>... criteria) {
        Object[] more = withCriteria(where, criteria);
        return new Update(options, table, values, more, returning);
    }

    /** {@code RETURNING items} (PostgreSQL; H2 via {@code FINAL TABLE}; not MariaDB/MySQL). */
    public Update returning(SelectItem... items) {
        return new Update(options, table, values, where, returningItems(items));
    }

    @Override
    public Update executionOptions(ExecutionOptions more) {
        return new Update(options.merge(checkedOptions(more)), table, values, where, returning);
    }

    @Override
    ParsedSql.Operation operation() {
        return ParsedSql.Operation.UPDATE;
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.update(this);
    }

    @Override
    int shapeHash() {
        return ((table.hashCode() * 31 + Shape.hash(values)) * 31 + Shape.hash(where)) * 31 + Shape.hash(returning);
    }

    @Override
    boolean sameShape(Element other) {
        Update o = (Update) other;
        return table.equals(o.table) && Shape.same(values, o.values) && Shape.same(where, o.where) && Shape.same(
                returning, o.returning);
    }

    @Override
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        int i = Shape.binds(values, out, index, nodes);
        i = Shape.binds(where, out, i, nodes);
        return Shape.binds(returning, out, i, nodes);
    }

    @Override
    Element stripped() {
        return new Update(ExecutionOptions.empty(), table, Shape.strip(values), Shape.strip(where), Shape.strip(
                returning));
    }
}
