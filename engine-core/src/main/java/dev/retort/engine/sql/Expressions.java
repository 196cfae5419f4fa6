package dev.retort.engine.sql;

import dev.retort.engine.schema.SqlType;
import dev.retort.engine.schema.Table;

/**
 * The expression language's factories, SQLAlchemy's {@code sqlalchemy.sql.expression}; {@link dev.retort.engine.Sql}
 * offers the same as static imports next to {@code text()}.
 */
public final class Expressions {

    /** SQL functions: {@code func.count(users.id)}. */
    public static final Func func = new Func();

    private Expressions() {
    }

    /** {@code SELECT items}. */
    public static Select select(SelectItem... items) {
        return new Select(items);
    }

    /** {@code INSERT INTO table}. */
    public static Insert insert(Table table) {
        return new Insert(table);
    }

    /** {@code UPDATE table}. */
    public static Update update(Table table) {
        return new Update(table);
    }

    /** {@code DELETE FROM table}. */
    public static Delete delete(Table table) {
        return new Delete(table);
    }

    /** A bind parameter whose value is given at execution, {@code :name}. */
    public static BindParameter<Object> bindparam(String name) {
        return BindParameter.named(name, Ops.nullType());
    }

    /** A typed bind parameter whose value is given at execution. */
    public static <T> BindParameter<T> bindparam(String name, Class<T> type) {
        return BindParameter.named(name, Ops.typeFor(type));
    }

    /** A value as a bind parameter, {@code :param_1}. */
    public static <T> ColumnElement<T> literal(T value) {
        return BindParameter.literal("param", Ops.typeOf(value), value);
    }

    /** SQL text used as a column expression, rendered as is. */
    public static ColumnElement<Object> literalColumn(String sql) {
        return new LiteralColumn<>(sql, Ops.nullType());
    }

    /** SQL text used as a column expression of a type. */
    public static <T> ColumnElement<T> literalColumn(String sql, SqlType<T> type) {
        return new LiteralColumn<>(sql, type);
    }

    /** {@code a AND b AND ...}. */
    @SafeVarargs
    public static ColumnElement<Boolean> and(ColumnElement<Boolean>... clauses) {
        return Ops.bool(Op.AND, clauses);
    }

    /** {@code a OR b OR ...}. */
    @SafeVarargs
    public static ColumnElement<Boolean> or(ColumnElement<Boolean>... clauses) {
        return Ops.bool(Op.OR, clauses);
    }

    /** The negation: {@code !=}, {@code NOT LIKE}, {@code IS NOT NULL}, {@code NOT IN}, else {@code NOT (...)}. */
    public static ColumnElement<Boolean> not(ColumnElement<Boolean> clause) {
        return Ops.not(clause);
    }

    /** {@code CASE WHEN ... END}: add branches with {@link Case#when}. */
    public static <T> Case<T> case_() {
        return Case.empty();
    }

    /** {@code EXISTS (SELECT ...)}. */
    public static ColumnElement<Boolean> exists(Select select) {
        return new Unary<>(Op.EXISTS, new ScalarSubquery<>(select, Ops.nullType()), dev.retort.engine.schema.Types
                .BOOLEAN);
    }
}
