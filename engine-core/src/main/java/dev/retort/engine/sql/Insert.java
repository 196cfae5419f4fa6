package dev.retort.engine.sql;

import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.internal.ParsedSql;
import dev.retort.engine.schema.Column;
import dev.retort.engine.schema.Table;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code INSERT INTO table}, SQLAlchemy's {@code insert()}. Immutable: every method returns a copy. Columns are
 * rendered in table order; execution parameters naming columns not set by {@link #values} add them, so
 * {@code conn.execute(users.insert(), List.of(Map.of("name", "a"), Map.of("name", "b")))} inserts two rows in one
 * batch. {@link #onConflictDoNothing}/{@link #onConflictDoUpdate} make a portable upsert.
 */
public final class Insert extends ValuesDml<Insert> {

    enum Upsert { NONE, DO_NOTHING, DO_UPDATE }

    final @Nullable Object[] fromColumns;
    final @Nullable Select fromSelect;
    final Upsert upsert;
    final Object[] conflictKeys;

    /** {@code INSERT INTO table}. */
    public Insert(Table table) {
        this(ExecutionOptions.empty(), table, noValues(table), NONE, null, null, Upsert.NONE, NONE);
    }

    private Insert(ExecutionOptions options, Table table, Object[] values, Object[] returning,
            @Nullable Object[] fromColumns, @Nullable Select fromSelect, Upsert upsert, Object[] conflictKeys) {
        super(options, table, values, returning);
        this.fromColumns = fromColumns;
        this.fromSelect = fromSelect;
        this.upsert = upsert;
        this.conflictKeys = conflictKeys;
    }

    @Override
    Insert copyWithValues(Object[] newValues) {
        return new Insert(options, table, newValues, returning, fromColumns, fromSelect, upsert, conflictKeys);
    }

    /** {@code INSERT INTO table (columns) SELECT ...}. */
    public Insert fromSelect(List<? extends Column<?>> columns, Select select) {
        for (Column<?> c : columns) {
            withValue(c, null); // checks that the column is the target table's
        }
        return new Insert(options, table, values, returning, columns.toArray(), select, upsert, conflictKeys);
    }

    /** {@code RETURNING items} (PostgreSQL, MariaDB; H2 via {@code FINAL TABLE}). */
    public Insert returning(SelectItem... items) {
        return new Insert(options, table, values, returningItems(items), fromColumns, fromSelect, upsert,
                conflictKeys);
    }

    /** Skips rows whose key ({@code keys}, by default the primary key) already exists. */
    public Insert onConflictDoNothing(Column<?>... keys) {
        return new Insert(options, table, values, returning, fromColumns, fromSelect, Upsert.DO_NOTHING, keys(keys));
    }

    /** Updates every inserted non-key column of a row whose key ({@code keys}, by default the primary key) exists. */
    public Insert onConflictDoUpdate(Column<?>... keys) {
        return new Insert(options, table, values, returning, fromColumns, fromSelect, Upsert.DO_UPDATE, keys(keys));
    }

    private Object[] keys(Column<?>[] keys) {
        List<Column<?>> chosen = keys.length > 0 ? List.of(keys) : table.primaryKeyColumns();
        if (chosen.isEmpty()) {
            throw new ArgumentException("Table '" + table.name() + "' has no primary key; name the conflict key "
                    + "columns, e.g. onConflictDoNothing(table.c(\"code\"))");
        }
        for (Column<?> c : chosen) {
            withValue(c, null);
        }
        return chosen.toArray();
    }

    @Override
    public Insert executionOptions(ExecutionOptions more) {
        return new Insert(options.merge(checkedOptions(more)), table, values, returning, fromColumns, fromSelect,
                upsert, conflictKeys);
    }

    @Override
    ParsedSql.Operation operation() {
        return ParsedSql.Operation.INSERT;
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.insert(this);
    }

    @Override
    int shapeHash() {
        int h = table.hashCode() * 31 + Shape.hash(values);
        h = h * 31 + Shape.hash(returning);
        h = h * 31 + (fromColumns == null ? 0 : Shape.hash(fromColumns)) + Shape.hash(fromSelect);
        return (h * 31 + upsert.ordinal()) * 31 + Shape.hash(conflictKeys);
    }

    @Override
    boolean sameShape(Element other) {
        Insert o = (Insert) other;
        return upsert == o.upsert && table.equals(o.table) && Shape.same(values, o.values) && Shape.same(returning,
                o.returning) && (fromColumns == null ? o.fromColumns == null : o.fromColumns != null && Shape.same(
                        fromColumns, o.fromColumns)) && Shape.same(fromSelect, o.fromSelect) && Shape.same(
                                conflictKeys, o.conflictKeys);
    }

    @Override
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        int i = Shape.binds(values, out, index, nodes);
        i = Shape.binds(fromSelect, out, i, nodes);
        return Shape.binds(returning, out, i, nodes);
    }

    @Override
    Element stripped() {
        return new Insert(ExecutionOptions.empty(), table, Shape.strip(values), Shape.strip(returning), fromColumns,
                Shape.strip(fromSelect), upsert, conflictKeys);
    }
}
