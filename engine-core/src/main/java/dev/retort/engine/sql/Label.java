package dev.retort.engine.sql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code element AS name} in a columns clause; elsewhere just the element. */
final class Label<T> extends Expr<T> {

    final String name;
    final Object element;

    Label(String name, ColumnElement<T> element) {
        super(element.type());
        if (name == null || name.isEmpty()) {
            throw new dev.retort.engine.exc.ArgumentException("label() needs a non-empty name");
        }
        this.name = name;
        this.element = element;
    }

    private Label(String name, Object element, Label<T> like) {
        super(like.type);
        this.name = name;
        this.element = element;
    }

    @Override
    @Nullable String key() {
        return name;
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.expression(element);
    }

    @Override
    int shapeHash() {
        return name.hashCode() * 31 + Shape.hash(element);
    }

    @Override
    boolean sameShape(Element other) {
        Label<?> o = (Label<?>) other;
        return name.equals(o.name) && Shape.same(element, o.element);
    }

    @Override
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        return Shape.binds(element, out, index, nodes);
    }

    @Override
    Element stripped() {
        Object s = Shape.strip(element);
        return s == element ? this : new Label<>(name, s, this);
    }

    @Override
    void froms(List<Object> out) {
        Shape.froms(element, out);
    }
}
