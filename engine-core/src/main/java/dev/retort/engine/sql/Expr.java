package dev.retort.engine.sql;

import dev.retort.engine.schema.SqlType;
import org.jspecify.annotations.Nullable;

/**
 * The base of the expression nodes.
 *
 * @param <T> the Java type of the values
 */
abstract class Expr<T> extends Element implements ColumnElement<T> {

    final SqlType<T> type;

    Expr(SqlType<T> type) {
        this.type = type;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    /** The name binds compared with this expression are derived from (SQLAlchemy's {@code key}), or {@code null}. */
    @Nullable String key() {
        return null;
    }

    /** This expression, in parentheses when it is inside an expression of operator {@code against}. */
    Object groupedAgainst(@Nullable Op against) {
        return this;
    }

    @Override
    public String toString() {
        return SqlCompiler.display(this);
    }
}
