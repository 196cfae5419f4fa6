package dev.retort.engine.sql;

import dev.retort.engine.schema.SqlType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A column of an {@link Alias} or {@link Subquery}: {@code u2.id}, {@code anon_1.id}. A subquery column exported from
 * an unnamed expression ({@code count(...)}) gets its compiled label's name, derived from {@code base}.
 */
final class FromColumn<T> extends Expr<T> {

    final FromElement from;
    final String base;
    final boolean anonymous;
    final int index;
    final Object source;

    FromColumn(FromElement from, String base, boolean anonymous, int index, Object source, SqlType<T> type) {
        super(type);
        this.from = from;
        this.base = base;
        this.anonymous = anonymous;
        this.index = index;
        this.source = source;
    }

    @Override
    @Nullable String key() {
        return base;
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.fromName(from).append('.').append(compiler.exportedName(this));
    }

    @Override
    int shapeHash() {
        return (from.shapeHash() * 31 + base.hashCode()) * 31 + index;
    }

    @Override
    boolean sameShape(Element other) {
        FromColumn<?> o = (FromColumn<?>) other;
        return index == o.index && anonymous == o.anonymous && base.equals(o.base) && type.equals(o.type)
                && from.getClass() == o.from.getClass() && from.sameShape(o.from);
    }

    @Override
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        return from.binds(out, index, nodes);
    }

    @Override
    Element stripped() {
        Element f = from.stripped();
        return f == from ? this : (Element) ((FromElement) f).columns().get(index);
    }

    @Override
    void froms(List<Object> out) {
        out.add(from);
    }
}
