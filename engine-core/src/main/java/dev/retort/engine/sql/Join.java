package dev.retort.engine.sql;

import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.schema.Column;
import dev.retort.engine.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code left JOIN right ON condition} or {@code LEFT OUTER JOIN}. Without a condition, the one foreign key between
 * the two sides gives it: {@code users JOIN addresses ON users.id = addresses.user_id}.
 */
public final class Join extends FromElement {

    final Object left;
    final Object right;
    final Object on;
    final boolean outer;

    private Join(Object left, Object right, Object on, boolean outer) {
        this.left = left;
        this.right = right;
        this.on = on;
        this.outer = outer;
    }

    static Join of(FromClause left, FromClause right, @Nullable ColumnElement<Boolean> on, boolean outer) {
        return new Join(left, right, on != null ? on : inferOn(left, right), outer);
    }

    private static ColumnElement<Boolean> inferOn(FromClause left, FromClause right) {
        List<ColumnElement<Boolean>> found = new ArrayList<>();
        for (FromClause side : leaves(left)) {
            addForeignKeys(side, right, found);
            addForeignKeys(right, side, found);
        }
        if (found.size() != 1) {
            throw new ArgumentException((found.isEmpty() ? "Can't find any foreign key relationships" : "Can't "
                    + "determine join between; there are " + found.size() + " foreign key relationships") + " between '"
                    + describe(left) + "' and '" + describe(right) + "'; pass the ON condition explicitly, e.g. "
                    + "join(right, left.c(\"id\").eq(right.c(\"left_id\")))");
        }
        return found.get(0);
    }

    private static List<FromClause> leaves(FromClause from) {
        if (from instanceof Join j) {
            List<FromClause> out = new ArrayList<>(leaves((FromClause) j.left));
            out.addAll(leaves((FromClause) j.right));
            return out;
        }
        return List.of(from);
    }

    /** Adds {@code referenced = referencing} for each foreign key of {@code from}'s table into {@code to}'s. */
    private static void addForeignKeys(FromClause from, FromClause to, List<ColumnElement<Boolean>> found) {
        Table fromTable = tableOf(from);
        Table toTable = tableOf(to);
        if (fromTable == null || toTable == null) {
            return;
        }
        for (Column<?> c : fromTable.columns()) {
            Column<?> target = c.referencedColumn().orElse(null);
            if (target != null && toTable.equals(target.table())) {
                found.add(to.c(target.name()).eq(from.c(c.name())));
            }
        }
    }

    private static @Nullable Table tableOf(FromClause from) {
        return from instanceof Table t ? t : from instanceof Alias a ? a.table : null;
    }

    private static String describe(FromClause from) {
        return from instanceof Table t ? t.name() : from.toString();
    }

    /** The left side. */
    public FromClause left() {
        return (FromClause) left;
    }

    /** The right side. */
    public FromClause right() {
        return (FromClause) right;
    }

    @Override
    public List<ColumnElement<?>> columns() {
        List<ColumnElement<?>> all = new ArrayList<>(((FromClause) left).columns());
        all.addAll(((FromClause) right).columns());
        return Collections.unmodifiableList(all);
    }

    /** A join's columns are keyed {@code table_column}, as in SQLAlchemy ({@code users_id}). */
    @Override
    String keyOf(ColumnElement<?> column) {
        String owner = column instanceof Column<?> c && c.table() != null ? c.table().name()
                : column instanceof FromColumn<?> fc ? fc.from instanceof Alias a ? a.name
                        : ((Subquery) fc.from).name : null;
        return owner == null ? Ops.keyOf(column) : owner + "_" + Ops.keyOf(column);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ColumnElement<T> c(ColumnElement<T> column) {
        for (ColumnElement<?> c : columns()) {
            if (c == column || Shape.same(c, column)) {
                return (ColumnElement<T>) c;
            }
        }
        throw new ArgumentException(description() + " has no column for " + column);
    }

    @Override
    String description() {
        return "The join of '" + describe((FromClause) left) + "' and '" + describe((FromClause) right) + "'";
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.fromItem(left);
        compiler.append(outer ? " LEFT OUTER JOIN " : " JOIN ");
        compiler.fromItem(right);
        compiler.append(" ON ").expression(on);
    }

    @Override
    int shapeHash() {
        return Shape.hash(left, right, on) * 2 + (outer ? 1 : 0);
    }

    @Override
    boolean sameShape(Element other) {
        Join o = (Join) other;
        return outer == o.outer && Shape.same(left, right, on, o.left, o.right, o.on);
    }

    @Override
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        return Shape.binds(left, right, on, out, index, nodes);
    }

    @Override
    Element stripped() {
        Object l = Shape.strip(left);
        Object r = Shape.strip(right);
        Object o = Shape.strip(on);
        return l == left && r == right && o == on ? this : new Join(l, r, o, outer);
    }

    /** The tables, aliases and subqueries this join is made of. */
    void leaves(List<Object> out) {
        for (Object side : new Object[] {left, right}) {
            if (side instanceof Join j) {
                j.leaves(out);
            } else {
                out.add(side);
            }
        }
    }
}
