package dev.retort.engine.sql;

import dev.retort.engine.schema.SqlType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code name(arg, ...)}, or {@code count(*)}. */
final class FunctionCall<T> extends Expr<T> {

    final String name;
    final Object[] args;
    final boolean star;

    FunctionCall(String name, Object[] args, boolean star, SqlType<T> type) {
        super(type);
        this.name = name;
        this.args = args;
        this.star = star;
    }

    @Override
    @Nullable String key() {
        return name;
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.append(name).append('(');
        if (star) {
            compiler.append('*');
        }
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                compiler.append(", ");
            }
            compiler.expression(args[i]);
        }
        compiler.append(')');
    }

    @Override
    int shapeHash() {
        return (name.hashCode() * 31 + Shape.hash(args)) * 31 + type.hashCode() + (star ? 1 : 0);
    }

    @Override
    boolean sameShape(Element other) {
        FunctionCall<?> o = (FunctionCall<?>) other;
        return star == o.star && name.equals(o.name) && type.equals(o.type) && Shape.same(args, o.args);
    }

    @Override
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        return Shape.binds(args, out, index, nodes);
    }

    @Override
    Element stripped() {
        Object[] s = Shape.strip(args);
        return s == args ? this : new FunctionCall<>(name, s, star, type);
    }

    @Override
    void froms(List<Object> out) {
        Shape.froms(args, out);
    }
}
