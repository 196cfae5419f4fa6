package dev.retort.engine.sql;

import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.internal.ParsedSql;
import dev.retort.engine.schema.Table;
import org.jspecify.annotations.Nullable;

/** {@code DELETE FROM table WHERE ...}, SQLAlchemy's {@code delete()}. Immutable: every method returns a copy. */
public final class Delete extends Dml {

    final Object[] where;

    /** {@code DELETE FROM table}. */
    public Delete(Table table) {
        this(ExecutionOptions.empty(), table, NONE, NONE);
    }

    private Delete(ExecutionOptions options, Table table, Object[] where, Object[] returning) {
        super(options, table, returning);
        this.where = where;
    }

    /** Adds WHERE criteria, joined with AND. */
    @SafeVarargs
    public final Delete where(ColumnElement<Boolean>... criteria) {
        Object[] more = withCriteria(where, criteria);
        return new Delete(options, table, more, returning);
    }

    /** {@code RETURNING items} (PostgreSQL, MariaDB; H2 via {@code OLD TABLE}). */
    public Delete returning(SelectItem... items) {
        return new Delete(options, table, where, returningItems(items));
    }

    @Override
    public Delete executionOptions(ExecutionOptions more) {
        return new Delete(options.merge(checkedOptions(more)), table, where, returning);
    }

    @Override
    ParsedSql.Operation operation() {
        return ParsedSql.Operation.DELETE;
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.delete(this);
    }

    @Override
    int shapeHash() {
        return (table.hashCode() * 31 + Shape.hash(where)) * 31 + Shape.hash(returning);
    }

    @Override
    boolean sameShape(Element other) {
        Delete o = (Delete) other;
        return table.equals(o.table) && Shape.same(where, o.where) && Shape.same(returning, o.returning);
    }

    @Override
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        return Shape.binds(returning, out, Shape.binds(where, out, index, nodes), nodes);
    }

    @Override
    Element stripped() {
        return new Delete(ExecutionOptions.empty(), table, Shape.strip(where), Shape.strip(returning));
    }
}
