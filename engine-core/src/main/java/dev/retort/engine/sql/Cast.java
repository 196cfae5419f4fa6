package dev.retort.engine.sql;

import dev.retort.engine.schema.SqlType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code CAST(element AS type)}. */
final class Cast<T> extends Expr<T> {

    final Object element;

    Cast(Object element, SqlType<T> type) {
        super(type);
        this.element = element;
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.append("CAST(").expression(element).append(" AS ").append(compiler.castType(type)).append(')');
    }

    @Override
    int shapeHash() {
        return type.hashCode() * 31 + Shape.hash(element);
    }

    @Override
    boolean sameShape(Element other) {
        Cast<?> o = (Cast<?>) other;
        return type.equals(o.type) && Shape.same(element, o.element);
    }

    @Override
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        return Shape.binds(element, out, index, nodes);
    }

    @Override
    Element stripped() {
        Object s = Shape.strip(element);
        return s == element ? this : new Cast<>(s, type);
    }

    @Override
    void froms(List<Object> out) {
        Shape.froms(element, out);
    }
}
