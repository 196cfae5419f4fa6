package dev.retort.engine.sql;

import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.internal.ParsedSql;
import dev.retort.engine.schema.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code SELECT}, SQLAlchemy's {@code select()}. Immutable: every method returns a copy. The FROM clause is derived
 * from the selected columns and the WHERE clause (plus {@link #selectFrom} and joins); a SELECT nested in an expression
 * leaves out the FROM objects of the enclosing SELECT (auto-correlation).
 */
public final class Select extends Statement {

    private static final Object[] NONE = {};

    final Object[] columns;
    final Object[] where;
    final Object[] groupBy;
    final Object[] having;
    final Object[] orderBy;
    final Object[] froms;
    final @Nullable BindParameter<Integer> limit;
    final @Nullable BindParameter<Integer> offset;
    final boolean distinct;
    final boolean forUpdate;

    /** {@code SELECT items}: columns and expressions, or FROM clauses standing for all their columns. */
    public Select(SelectItem... items) {
        this(ExecutionOptions.empty(), checkedItems(items), NONE, NONE, NONE, NONE, NONE, null, null, false, false);
    }

    private Select(ExecutionOptions options, Object[] columns, Object[] where, Object[] groupBy, Object[] having,
            Object[] orderBy, Object[] froms, @Nullable BindParameter<Integer> limit,
            @Nullable BindParameter<Integer> offset, boolean distinct, boolean forUpdate) {
        super(options);
        this.columns = columns;
        this.where = where;
        this.groupBy = groupBy;
        this.having = having;
        this.orderBy = orderBy;
        this.froms = froms;
        this.limit = limit;
        this.offset = offset;
        this.distinct = distinct;
        this.forUpdate = forUpdate;
    }

    private static Object[] checkedItems(SelectItem[] items) {
        if (items.length == 0) {
            throw new ArgumentException("select() needs at least one column or table");
        }
        Object[] out = new Object[items.length];
        for (int i = 0; i < items.length; i++) {
            SelectItem item = items[i];
            out[i] = item instanceof dev.retort.engine.schema.Table ? item : Ops.element(item);
        }
        return out;
    }

    private static Object[] append(Object[] base, Object[] more) {
        if (more.length == 0) {
            return base;
        }
        if (base.length == 0) {
            return more;
        }
        Object[] out = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    private static Object[] elements(ColumnElement<?>[] items) {
        Object[] out = new Object[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = Ops.element(items[i]);
        }
        return out;
    }

    /** Adds WHERE criteria, joined with AND to those already there. */
    @SafeVarargs
    public final Select where(ColumnElement<Boolean>... criteria) {
        return new Select(options, columns, append(where, elements(criteria)), groupBy, having, orderBy, froms, limit,
                offset, distinct, forUpdate);
    }

    /** Adds ORDER BY expressions ({@code column.desc()} for descending). */
    public Select orderBy(ColumnElement<?>... expressions) {
        return new Select(options, columns, where, groupBy, having, append(orderBy, elements(expressions)), froms,
                limit, offset, distinct, forUpdate);
    }

    /** Adds GROUP BY expressions. */
    public Select groupBy(ColumnElement<?>... expressions) {
        return new Select(options, columns, where, append(groupBy, elements(expressions)), having, orderBy, froms,
                limit, offset, distinct, forUpdate);
    }

    /** Adds HAVING criteria, joined with AND. */
    @SafeVarargs
    public final Select having(ColumnElement<Boolean>... criteria) {
        return new Select(options, columns, where, groupBy, append(having, elements(criteria)), orderBy, froms, limit,
                offset, distinct, forUpdate);
    }

    /** {@code LIMIT n} (a bind parameter: the value is not part of the cached statement). */
    public Select limit(int n) {
        return new Select(options, columns, where, groupBy, having, orderBy, froms, BindParameter.literal("param",
                Types.INTEGER, n), offset, distinct, forUpdate);
    }

    /** {@code OFFSET n} (a bind parameter). */
    public Select offset(int n) {
        return new Select(options, columns, where, groupBy, having, orderBy, froms, limit, BindParameter.literal(
                "param", Types.INTEGER, n), distinct, forUpdate);
    }

    /** {@code SELECT DISTINCT}. */
    public Select distinct() {
        return new Select(options, columns, where, groupBy, having, orderBy, froms, limit, offset, true, forUpdate);
    }

    /** {@code FOR UPDATE}. */
    public Select withForUpdate() {
        return new Select(options, columns, where, groupBy, having, orderBy, froms, limit, offset, distinct, true);
    }

    /** Adds explicit FROM clauses. */
    public Select selectFrom(FromClause... from) {
        Object[] items = new Object[from.length];
        for (int i = 0; i < from.length; i++) {
            items[i] = from[i] instanceof dev.retort.engine.schema.Table ? from[i] : Ops.element(from[i]);
        }
        return new Select(options, columns, where, groupBy, having, orderBy, append(froms, items), limit, offset,
                distinct, forUpdate);
    }

    /** Joins the leftmost FROM clause to {@code target}, on the one foreign key between them. */
    public Select join(FromClause target) {
        return joined(target, null, false);
    }

    /** Joins the leftmost FROM clause to {@code target} on {@code on}. */
    public Select join(FromClause target, ColumnElement<Boolean> on) {
        return joined(target, on, false);
    }

    /** LEFT OUTER JOINs the leftmost FROM clause to {@code target}, on the one foreign key between them. */
    public Select outerJoin(FromClause target) {
        return joined(target, null, true);
    }

    /** LEFT OUTER JOINs the leftmost FROM clause to {@code target} on {@code on}. */
    public Select outerJoin(FromClause target, ColumnElement<Boolean> on) {
        return joined(target, on, true);
    }

    private Select joined(FromClause target, @Nullable ColumnElement<Boolean> on, boolean outer) {
        Object[] newFroms;
        if (froms.length > 0) {
            newFroms = froms.clone();
            newFroms[0] = Join.of((FromClause) froms[0], target, on, outer);
        } else {
            List<Object> implicit = new ArrayList<>();
            for (Object c : columns) {
                if (c instanceof FromClause f) {
                    implicit.add(f);
                } else {
                    Shape.froms(c, implicit);
                }
            }
            Shape.froms(where, implicit);
            if (implicit.isEmpty()) {
                throw new ArgumentException("join() found no FROM clause to join from; select columns of a table "
                        + "first, or use selectFrom(left.join(right))");
            }
            newFroms = new Object[] {Join.of((FromClause) implicit.get(0), target, on, outer)};
        }
        return new Select(options, columns, where, groupBy, having, orderBy, newFroms, limit, offset, distinct,
                forUpdate);
    }

    /** This SELECT as a FROM clause, {@code (SELECT ...) AS anon_1}. */
    public Subquery subquery() {
        return new Subquery(this, null);
    }

    /** This SELECT as a FROM clause, {@code (SELECT ...) AS name}. */
    public Subquery subquery(String name) {
        return new Subquery(this, name);
    }

    /** This SELECT (of one column) as an expression, {@code (SELECT ...)}. */
    @SuppressWarnings("unchecked")
    public ColumnElement<Object> scalarSubquery() {
        Object first = selectedColumns().get(0);
        return new ScalarSubquery<>(this, (dev.retort.engine.schema.SqlType<Object>) ((ColumnElement<?>) first)
                .type());
    }

    @Override
    public Select executionOptions(ExecutionOptions more) {
        return new Select(options.merge(checkedOptions(more)), columns, where, groupBy, having, orderBy, froms, limit,
                offset, distinct, forUpdate);
    }

    /** The selected columns, FROM clauses expanded to their columns. */
    List<Object> selectedColumns() {
        List<Object> out = new ArrayList<>();
        for (Object c : columns) {
            if (c instanceof FromClause f) {
                out.addAll(f.columns());
            } else {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    ParsedSql.Operation operation() {
        return ParsedSql.Operation.SELECT;
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.select(this, SqlCompiler.Nesting.TOP);
    }

    @Override
    int shapeHash() {
        int h = Shape.hash(columns);
        h = h * 31 + Shape.hash(where);
        h = h * 31 + Shape.hash(groupBy);
        h = h * 31 + Shape.hash(having);
        h = h * 31 + Shape.hash(orderBy);
        h = h * 31 + Shape.hash(froms);
        return h * 16 + (limit != null ? 8 : 0) + (offset != null ? 4 : 0) + (distinct ? 2 : 0) + (forUpdate ? 1 : 0);
    }

    @Override
    boolean sameShape(Element other) {
        Select o = (Select) other;
        return distinct == o.distinct && forUpdate == o.forUpdate && (limit == null) == (o.limit == null)
                && (offset == null) == (o.offset == null) && Shape.same(columns, o.columns) && Shape.same(where,
                        o.where) && Shape.same(froms, o.froms) && Shape.same(groupBy, o.groupBy) && Shape.same(having,
                                o.having) && Shape.same(orderBy, o.orderBy);
    }

    @Override
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        int i = Shape.binds(columns, out, index, nodes);
        i = Shape.binds(froms, out, i, nodes);
        i = Shape.binds(where, out, i, nodes);
        i = Shape.binds(groupBy, out, i, nodes);
        i = Shape.binds(having, out, i, nodes);
        i = Shape.binds(orderBy, out, i, nodes);
        i = Shape.binds(limit, out, i, nodes);
        return Shape.binds(offset, out, i, nodes);
    }

    @Override
    Element stripped() {
        return new Select(ExecutionOptions.empty(), Shape.strip(columns), Shape.strip(where), Shape.strip(groupBy),
                Shape.strip(having), Shape.strip(orderBy), Shape.strip(froms), Shape.strip(limit), Shape.strip(offset),
                distinct, forUpdate);
    }
}
