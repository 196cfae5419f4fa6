package dev.retort.engine.sql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code (element)}. */
final class Grouping<T> extends Expr<T> {

    final Expr<T> element;

    Grouping(Expr<T> element) {
        super(element.type);
        this.element = element;
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.append('(').expression(element).append(')');
    }

    @Override
    int shapeHash() {
        return 17 + element.shapeHash();
    }

    @Override
    boolean sameShape(Element other) {
        return element.sameShape(((Grouping<?>) other).element) && element.getClass() == ((Grouping<?>) other).element
                .getClass();
    }

    @Override
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        return element.binds(out, index, nodes);
    }

    @Override
    Element stripped() {
        Element e = element.stripped();
        return e == element ? this : new Grouping<>((Expr<T>) e);
    }

    @Override
    void froms(List<Object> out) {
        element.froms(out);
    }
}
