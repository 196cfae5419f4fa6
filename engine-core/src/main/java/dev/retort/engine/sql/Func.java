package dev.retort.engine.sql;

import dev.retort.engine.schema.SqlType;
import dev.retort.engine.schema.Types;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * SQL functions, SQLAlchemy's {@code func}: {@code Sql.func.count(users.id)}. Arguments that are not expressions
 * become bind parameters named after the function ({@code coalesce(users.status, :coalesce_1)}). In a SELECT a
 * function is labelled after its name ({@code count(users.id) AS count_1}).
 */
public final class Func {

    private static final SqlType<BigDecimal> NUMERIC = SqlType.of("NUMERIC", BigDecimal.class);

    Func() {
    }

    private static <T> FunctionCall<T> function(String name, SqlType<T> type, @Nullable Object... args) {
        Object[] items = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            items[i] = Ops.operand(args[i], name, null);
        }
        return new FunctionCall<>(name, items, false, type);
    }

    /** {@code count(*)}. */
    public ColumnElement<Long> count() {
        return new FunctionCall<>("count", new Object[0], true, Types.BIGINT);
    }

    /** {@code count(expression)}. */
    public ColumnElement<Long> count(ColumnElement<?> expression) {
        return function("count", Types.BIGINT, expression);
    }

    /** {@code max(expression)}. */
    public <T> ColumnElement<T> max(ColumnElement<T> expression) {
        return function("max", expression.type(), expression);
    }

    /** {@code min(expression)}. */
    public <T> ColumnElement<T> min(ColumnElement<T> expression) {
        return function("min", expression.type(), expression);
    }

    /** {@code sum(expression)}. */
    public <T> ColumnElement<T> sum(ColumnElement<T> expression) {
        return function("sum", expression.type(), expression);
    }

    /** {@code avg(expression)}, read as {@link BigDecimal}. */
    public ColumnElement<BigDecimal> avg(ColumnElement<?> expression) {
        return function("avg", NUMERIC, expression);
    }

    /** {@code coalesce(expression, others...)}: the first non-null. */
    public <T> ColumnElement<T> coalesce(ColumnElement<T> expression, @Nullable Object... others) {
        Object[] args = new Object[others.length + 1];
        args[0] = expression;
        System.arraycopy(others, 0, args, 1, others.length);
        return function("coalesce", expression.type(), args);
    }

    /** {@code lower(value)}. */
    public ColumnElement<String> lower(Object value) {
        return function("lower", Types.TEXT, value);
    }

    /** {@code upper(value)}. */
    public ColumnElement<String> upper(Object value) {
        return function("upper", Types.TEXT, value);
    }

    /** Any function, {@code name(args...)}, whose values are read as objects. */
    public ColumnElement<Object> call(String name, @Nullable Object... args) {
        return function(name, Ops.nullType(), args);
    }

    /** Any function, {@code name(args...)}, of a given type. */
    public <T> ColumnElement<T> call(String name, SqlType<T> type, @Nullable Object... args) {
        return function(name, type, args);
    }
}
