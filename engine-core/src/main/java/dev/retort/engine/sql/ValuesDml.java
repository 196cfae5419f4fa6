package dev.retort.engine.sql;

import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.schema.Column;
import dev.retort.engine.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What INSERT and UPDATE share: the column values they set (in table order), collected by {@code values()}.
 *
 * @param <S> the statement type {@code values()} returns
 */
abstract class ValuesDml<S extends ValuesDml<S>> extends Dml {

    /** The value of each table column by position ({@code null}: not set); plain values are COLUMN binds. */
    final Object[] values;

    ValuesDml(ExecutionOptions options, Table table, Object[] values, Object[] returning) {
        super(options, table, returning);
        this.values = values;
    }

    /** A copy of this statement setting {@code values} instead. */
    abstract S copyWithValues(Object[] values);

    /** Sets a column's value: a plain value (a bind parameter named after the column) or an expression. */
    public final S values(Column<?> column, @Nullable Object value) {
        return copyWithValues(withValue(column, value));
    }

    /** Sets the values of the named columns ({@code Unconsumed column names} for names that are not columns). */
    public final S values(Map<String, ?> values) {
        return copyWithValues(withValues(values));
    }

    static Object[] noValues(Table table) {
        return new Object[table.columns().size()];
    }

    /** {@code values} with {@code column} set to {@code value}. */
    Object[] withValue(Column<?> column, @Nullable Object value) {
        if (column.table() == null || !column.table().equals(table)) {
            throw new ArgumentException("values() got column '" + column + "', which is not a column of the target "
                    + "table '" + table.name() + "'; use the columns of '" + table.name() + "' (its columns are "
                    + columnNames() + ")");
        }
        return withValueIn(values, table.c(column.name()), value);
    }

    private static <T> BindParameter<T> columnBind(Column<T> column, @Nullable Object value) {
        return new BindParameter<>(column.name(), BindParameter.Kind.COLUMN, column.type(), false, true, value);
    }

    /** {@code values} with every entry of {@code map} (column name to value) set. */
    private Object[] withValues(Map<String, ?> map) {
        TreeSet<String> unknown = new TreeSet<>();
        Object[] copy = values;
        for (Map.Entry<String, ?> e : map.entrySet()) {
            Column<?> c = find(e.getKey());
            if (c == null) {
                unknown.add(e.getKey());
            } else {
                copy = withValueIn(copy, c, e.getValue());
            }
        }
        if (!unknown.isEmpty()) {
            throw new ArgumentException("Unconsumed column names: " + String.join(", ", unknown) + " (table '"
                    + table.name() + "' has columns " + columnNames() + ")");
        }
        return copy;
    }

    private Object[] withValueIn(Object[] base, Column<?> column, @Nullable Object value) {
        Object[] copy = base.clone();
        copy[table.columns().indexOf(column)] = value instanceof ColumnElement<?> e ? Ops.element(e)
                : columnBind(column, value);
        return copy;
    }

    private @Nullable Column<?> find(String name) {
        for (Column<?> c : table.columns()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private String columnNames() {
        List<String> names = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            names.add(c.name());
        }
        return String.join(", ", names);
    }
}
