package dev.retort.engine.sql;

import dev.retort.engine.schema.SqlType;
import org.jspecify.annotations.Nullable;

/** {@code NOT x}, {@code EXISTS x}, {@code x ASC}, {@code x DESC}. */
final class Unary<T> extends Wrapper<T> {

    final Op op;

    Unary(Op op, Object operand, SqlType<T> type) {
        super(type, operand);
        this.op = op;
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
    int ownHash() {
        return op.ordinal();
    }

    @Override
    boolean sameOwn(Wrapper<?> other) {
        return op == ((Unary<?>) other).op && type.equals(other.type);
    }

    @Override
    Wrapper<T> around(Object newOperand) {
        return new Unary<>(op, newOperand, type);
    }
}
