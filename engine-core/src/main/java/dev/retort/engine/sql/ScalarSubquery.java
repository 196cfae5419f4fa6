package dev.retort.engine.sql;

import dev.retort.engine.schema.SqlType;
import org.jspecify.annotations.Nullable;

/** {@code (SELECT ...)} used as an expression; its FROM correlates with the enclosing SELECT's. */
final class ScalarSubquery<T> extends Expr<T> {

    final Select select;

    ScalarSubquery(Select select, SqlType<T> type) {
        super(type);
        this.select = select;
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.append('(');
        compiler.select(select, SqlCompiler.Nesting.CORRELATED);
        compiler.append(')');
    }

    @Override
    int shapeHash() {
        return 7 + select.shapeHash();
    }

    @Override
    boolean sameShape(Element other) {
        ScalarSubquery<?> o = (ScalarSubquery<?>) other;
        return type.equals(o.type) && select.sameShape(o.select);
    }

    @Override
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        return select.binds(out, index, nodes);
    }

    @Override
    Element stripped() {
        Element s = select.stripped();
        return s == select ? this : new ScalarSubquery<>((Select) s, type);
    }
}
