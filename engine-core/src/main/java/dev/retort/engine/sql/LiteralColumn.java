package dev.retort.engine.sql;

import dev.retort.engine.schema.SqlType;
import org.jspecify.annotations.Nullable;

/** SQL text rendered as is ({@code literalColumn}), also the {@code NULL} keyword. */
final class LiteralColumn<T> extends Expr<T> {

    final String text;

    LiteralColumn(String text, SqlType<T> type) {
        super(type);
        this.text = text;
    }

    @Override
    @Nullable String key() {
        return text;
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.append(text);
    }

    @Override
    int shapeHash() {
        return text.hashCode() * 31 + type.hashCode();
    }

    @Override
    boolean sameShape(Element other) {
        LiteralColumn<?> o = (LiteralColumn<?>) other;
        return text.equals(o.text) && type.equals(o.type);
    }
}
