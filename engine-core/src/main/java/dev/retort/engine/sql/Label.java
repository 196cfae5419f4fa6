package dev.retort.engine.sql;

import dev.retort.engine.schema.SqlType;
import org.jspecify.annotations.Nullable;

/** {@code element AS name} in a columns clause; elsewhere just the element. */
final class Label<T> extends Wrapper<T> {

    final String name;

    Label(String name, ColumnElement<T> element) {
        this(name, element, element.type());
        if (name == null || name.isEmpty()) {
            throw new dev.retort.engine.exc.ArgumentException("label() needs a non-empty name");
        }
    }

    private Label(String name, Object element, SqlType<T> type) {
        super(type, element);
        this.name = name;
    }

    @Override
    @Nullable String key() {
        return name;
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.expression(operand);
    }

    @Override
    int ownHash() {
        return name.hashCode();
    }

    @Override
    boolean sameOwn(Wrapper<?> other) {
        return name.equals(((Label<?>) other).name);
    }

    @Override
    Wrapper<T> around(Object newOperand) {
        return new Label<>(name, newOperand, type);
    }
}
