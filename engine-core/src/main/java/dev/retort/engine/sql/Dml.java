package dev.retort.engine.sql;

import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.schema.Table;
import java.util.ArrayList;
import java.util.List;

/** What INSERT, UPDATE and DELETE share: the target table and RETURNING. */
abstract class Dml extends Statement {

    static final Object[] NONE = {};

    final Table table;
    final Object[] returning;

    Dml(ExecutionOptions options, Table table, Object[] returning) {
        super(options);
        this.table = table;
        this.returning = returning;
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

    /** The kind of statement ({@code INSERT}, {@code UPDATE}, {@code DELETE}), for errors. */
    final String kind() {
        return operation().name();
    }
}
