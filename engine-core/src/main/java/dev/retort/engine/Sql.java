package dev.retort.engine;

import dev.retort.engine.schema.SqlType;
import dev.retort.engine.schema.Table;
import dev.retort.engine.sql.BindParameter;
import dev.retort.engine.sql.Case;
import dev.retort.engine.sql.ColumnElement;
import dev.retort.engine.sql.Delete;
import dev.retort.engine.sql.Expressions;
import dev.retort.engine.sql.Func;
import dev.retort.engine.sql.Insert;
import dev.retort.engine.sql.Select;
import dev.retort.engine.sql.SelectItem;
import dev.retort.engine.sql.Update;

/**
 * Entry point for statements: textual SQL ({@link #text(String)}, SQLAlchemy's {@code text()}) and the SQL expression
 * language ({@link #select}, {@link #insert}, {@link #update}, {@link #delete} and their expressions). Meant for
 * static import.
 */
public final class Sql {

    /** SQL functions: {@code func.count(users.id)}, {@code func.coalesce(users.status, "none")}. */
    public static final Func func = Expressions.func;

    private Sql() {
    }

    /**
     * Wraps SQL with {@code :name} bind parameters. {@code \:} is a literal colon and {@code ::} (a PostgreSQL cast)
     * is left alone. Parameters are bound by name when the clause is executed; a name without a value raises
     * {@link dev.retort.engine.exc.ArgumentException}, extra values are ignored.
     */
    public static TextClause text(String sql) {
        return new TextClause(sql, ExecutionOptions.empty());
    }

    /** {@code SELECT items}: columns and expressions, or tables (all their columns). */
    public static Select select(SelectItem... items) {
        return Expressions.select(items);
    }

    /** {@code INSERT INTO table}. */
    public static Insert insert(Table table) {
        return Expressions.insert(table);
    }

    /** {@code UPDATE table}. */
    public static Update update(Table table) {
        return Expressions.update(table);
    }

    /** {@code DELETE FROM table}. */
    public static Delete delete(Table table) {
        return Expressions.delete(table);
    }

    /** A bind parameter whose value is given at execution, {@code :name}. */
    public static BindParameter<Object> bindparam(String name) {
        return Expressions.bindparam(name);
    }

    /** A typed bind parameter whose value is given at execution. */
    public static <T> BindParameter<T> bindparam(String name, Class<T> type) {
        return Expressions.bindparam(name, type);
    }

    /** A value as a bind parameter, {@code :param_1}. */
    public static <T> ColumnElement<T> literal(T value) {
        return Expressions.literal(value);
    }

    /** SQL text used as a column expression, rendered as is. */
    public static ColumnElement<Object> literalColumn(String sql) {
        return Expressions.literalColumn(sql);
    }

    /** SQL text used as a column expression of a type. */
    public static <T> ColumnElement<T> literalColumn(String sql, SqlType<T> type) {
        return Expressions.literalColumn(sql, type);
    }

    /** {@code a AND b AND ...}. */
    @SafeVarargs
    public static ColumnElement<Boolean> and(ColumnElement<Boolean>... clauses) {
        return Expressions.and(clauses);
    }

    /** {@code a OR b OR ...}. */
    @SafeVarargs
    public static ColumnElement<Boolean> or(ColumnElement<Boolean>... clauses) {
        return Expressions.or(clauses);
    }

    /** The negation: {@code !=}, {@code NOT LIKE}, {@code IS NOT NULL}, {@code NOT IN}, else {@code NOT (...)}. */
    public static ColumnElement<Boolean> not(ColumnElement<Boolean> clause) {
        return Expressions.not(clause);
    }

    /** {@code CASE WHEN ... END}. */
    public static <T> Case<T> case_() {
        return Expressions.case_();
    }

    /** {@code EXISTS (SELECT ...)}. */
    public static ColumnElement<Boolean> exists(Select select) {
        return Expressions.exists(select);
    }
}
