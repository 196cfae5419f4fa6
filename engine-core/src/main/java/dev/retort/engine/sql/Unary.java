package dev.retort.engine.sql;

import dev.retort.engine.schema.SqlType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code NOT x}, {@code EXISTS x}, {@code x ASC}, {@code x DESC}. */
final class Unary<T> extends Expr<T> {

    final Op op;
    final Object operand;

    Unary(Op op, Object operand, SqlType<T> type) {
        super(type);
        this.op = op;
        this.operand = operand;
    }

    @Override
    Object groupedAgainst(@Nullable Op against) {
        return (op == Op.NOT || op == Op.EXISTS) && op.groupsAgainst(against) ? new Grouping<>(this) : this;
    }

    @Override
    void render(SqlCompiler compiler) {
        if (op == Op.ASC || op == Op.DESC) {
            compiler.expression(operand).append(op.sql);
        } else {
            compiler.append(op.sql).expression(operand);
        }
    }

    @Override
    int shapeHash() {
        return op.ordinal() * 31 + Shape.hash(operand);
    }

    @Override
    boolean sameShape(Element other) {
        Unary<?> o = (Unary<?>) other;
        return op == o.op && type.equals(o.type) && Shape.same(operand, o.operand);
    }

    @Override
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        return Shape.binds(operand, out, index, nodes);
    }

    @Override
    Element stripped() {
        Object s = Shape.strip(operand);
        return s == operand ? this : new Unary<>(op, s, type);
    }

    @Override
    void froms(List<Object> out) {
        Shape.froms(operand, out);
    }
}
