package dev.retort.engine.sql;

/** {@code (element)}. */
final class Grouping<T> extends Wrapper<T> {

    Grouping(Expr<T> element) {
        super(element.type, element);
    }

    /** The expression in parentheses. */
    @SuppressWarnings("unchecked")
    Expr<T> element() {
        return (Expr<T>) operand;
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.append('(').expression(operand).append(')');
    }

    @Override
    int ownHash() {
        return 17;
    }

    @Override
    boolean sameOwn(Wrapper<?> other) {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    Wrapper<T> around(Object newOperand) {
        return new Grouping<>((Expr<T>) newOperand);
    }
}
