package dev.retort.engine.sql;

import dev.retort.engine.schema.SqlType;

/** {@code CAST(element AS type)}. */
final class Cast<T> extends Wrapper<T> {

    Cast(Object element, SqlType<T> type) {
        super(type, element);
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.append("CAST(").expression(operand).append(" AS ").append(compiler.castType(type)).append(')');
    }

    @Override
    int ownHash() {
        return type.hashCode();
    }

    @Override
    boolean sameOwn(Wrapper<?> other) {
        return type.equals(other.type);
    }

    @Override
    Wrapper<T> around(Object newOperand) {
        return new Cast<>(newOperand, type);
    }
}
