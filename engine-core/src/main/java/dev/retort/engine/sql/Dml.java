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

/** What INSERT, UPDATE and DELETE share: the target table, the column values (in table order), RETURNING. */
abstract class Dml extends Statement {

    static final Object[] NONE = {};

    final Table table;
    /** The value of each table column by position ({@code null}: not set); plain values are COLUMN binds. */
    final Object[] values;
    final Object[] returning;

    Dml(ExecutionOptions options, Table table, Object[] values, Object[] returning) {
        super(options);
        this.table = table;
        this.values = values;
        this.returning = returning;
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
        int index = table.columns().indexOf(table.c(column.name()));
        Object[] copy = values.clone();
        copy[index] = value instanceof ColumnElement<?> e ? Ops.element(e) : columnBind(column, value);
        return copy;
    }

    private static <T> BindParameter<T> columnBind(Column<T> column, @Nullable Object value) {
        return new BindParameter<>(column.name(), BindParameter.Kind.COLUMN, column.type(), false, true, value);
    }

    /** {@code values} with every entry of {@code map} (column name to value) set. */
    Object[] withValues(Map<String, ?> map) {
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

    /** {@code where} with {@code criteria} appended (joined with AND when rendered). */
    static Object[] withCriteria(Object[] where, ColumnElement<?>[] criteria) {
        Object[] more = java.util.Arrays.copyOf(where, where.length + criteria.length);
        for (int i = 0; i < criteria.length; i++) {
            more[where.length + i] = Ops.element(criteria[i]);
        }
        return more;
    }

    static Object[] returningItems(SelectItem[] items) {
        List<Object> out = new ArrayList<>();
        for (SelectItem item : items) {
            if (item instanceof FromClause f) {
                out.addAll(f.columns());
            } else {
                out.add(Ops.element(item));
            }
        }
        return out.toArray();
    }

    /** The RETURNING clause's kind of statement, for errors. */
    abstract String kind();
}
