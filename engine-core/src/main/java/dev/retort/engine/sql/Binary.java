package dev.retort.engine.sql;

import dev.retort.engine.schema.SqlType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code left op right}; for BETWEEN also {@code upper}. */
final class Binary<T> extends Expr<T> {

    final Object left;
    final Op op;
    final Object right;
    final @Nullable Object upper;

    Binary(Object left, Op op, Object right, @Nullable Object upper, SqlType<T> type) {
        super(type);
        this.left = left;
        this.op = op;
        this.right = right;
        this.upper = upper;
    }

    @Nullable Binary<T> negated() {
        Op negation = op.negation();
        return negation == null ? null : new Binary<>(left, negation, right, upper, type);
    }

    @Override
    Object groupedAgainst(@Nullable Op against) {
        return op.groupsAgainst(against) ? new Grouping<>(this) : this;
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.binary(this);
    }

    @Override
    int shapeHash() {
        return Shape.hash(left, right, upper) * 31 + op.ordinal();
    }

    @Override
    boolean sameShape(Element other) {
        Binary<?> o = (Binary<?>) other;
        return op == o.op && type.equals(o.type) && Shape.same(left, right, upper, o.left, o.right, o.upper);
    }

    @Override
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        return Shape.binds(left, right, upper, out, index, nodes);
    }

    @Override
    Element stripped() {
        Object l = Shape.strip(left);
        Object r = Shape.strip(right);
        Object u = Shape.strip(upper);
        return l == left && r == right && u == upper ? this : new Binary<>(l, op, r, u, type);
    }

    @Override
    void froms(List<Object> out) {
        Shape.froms(left, right, upper, out);
    }
}
