package dev.retort.engine.sql;

import dev.retort.engine.schema.SqlType;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * A SQL expression whose values are of {@code T}: a column, a function, a comparison, a bind parameter. The operator
 * methods build new expressions; a plain Java value becomes a bind parameter of the compared expression's type and
 * {@code eq(null)}/{@code ne(null)} become {@code IS NULL}/{@code IS NOT NULL}.
 *
 * @param <T> the Java type of the values
 */
public interface ColumnElement<T> extends SelectItem {

    /** The SQL type. */
    SqlType<T> type();

    /** {@code this = value} ({@code IS NULL} for {@code null}). */
    default ColumnElement<Boolean> eq(@Nullable T value) {
        return Ops.compare(this, Op.EQ, value);
    }

    /** {@code this = other}. */
    default ColumnElement<Boolean> eq(ColumnElement<?> other) {
        return Ops.compare(this, Op.EQ, other);
    }

    /** {@code this != value} ({@code IS NOT NULL} for {@code null}). */
    default ColumnElement<Boolean> ne(@Nullable T value) {
        return Ops.compare(this, Op.NE, value);
    }

    /** {@code this != other}. */
    default ColumnElement<Boolean> ne(ColumnElement<?> other) {
        return Ops.compare(this, Op.NE, other);
    }

    /** {@code this < value}. */
    default ColumnElement<Boolean> lt(@Nullable T value) {
        return Ops.compare(this, Op.LT, value);
    }

    /** {@code this < other}. */
    default ColumnElement<Boolean> lt(ColumnElement<?> other) {
        return Ops.compare(this, Op.LT, other);
    }

    /** {@code this <= value}. */
    default ColumnElement<Boolean> le(@Nullable T value) {
        return Ops.compare(this, Op.LE, value);
    }

    /** {@code this <= other}. */
    default ColumnElement<Boolean> le(ColumnElement<?> other) {
        return Ops.compare(this, Op.LE, other);
    }

    /** {@code this > value}. */
    default ColumnElement<Boolean> gt(@Nullable T value) {
        return Ops.compare(this, Op.GT, value);
    }

    /** {@code this > other}. */
    default ColumnElement<Boolean> gt(ColumnElement<?> other) {
        return Ops.compare(this, Op.GT, other);
    }

    /** {@code this >= value}. */
    default ColumnElement<Boolean> ge(@Nullable T value) {
        return Ops.compare(this, Op.GE, value);
    }

    /** {@code this >= other}. */
    default ColumnElement<Boolean> ge(ColumnElement<?> other) {
        return Ops.compare(this, Op.GE, other);
    }

    /**
     * {@code this IN (...)}: one bind per element, expanded at execution (the list's length is not part of the cached
     * statement). An empty collection renders a false condition.
     */
    default ColumnElement<Boolean> in(Collection<?> values) {
        return Ops.in(this, Op.IN, values);
    }

    /** {@code this IN (SELECT ...)}. */
    default ColumnElement<Boolean> in(Select select) {
        return Ops.in(this, Op.IN, select);
    }

    /** {@code this IN (...)} for a collection given at execution under the parameter's name. */
    default ColumnElement<Boolean> in(BindParameter<?> parameter) {
        return Ops.in(this, Op.IN, parameter);
    }

    /** {@code (this NOT IN (...))}; an empty collection renders a true condition. */
    default ColumnElement<Boolean> notIn(Collection<?> values) {
        return Ops.in(this, Op.NOT_IN, values);
    }

    /** {@code (this NOT IN (SELECT ...))}. */
    default ColumnElement<Boolean> notIn(Select select) {
        return Ops.in(this, Op.NOT_IN, select);
    }

    /** {@code this IS NULL}. */
    default ColumnElement<Boolean> isNull() {
        return Ops.compare(this, Op.EQ, null);
    }

    /** {@code this IS NOT NULL}. */
    default ColumnElement<Boolean> isNotNull() {
        return Ops.compare(this, Op.NE, null);
    }

    /** {@code this LIKE pattern}. */
    default ColumnElement<Boolean> like(String pattern) {
        return Ops.compareAny(this, Op.LIKE, pattern);
    }

    /** {@code this NOT LIKE pattern}. */
    default ColumnElement<Boolean> notLike(String pattern) {
        return Ops.compareAny(this, Op.NOT_LIKE, pattern);
    }

    /** Case-insensitive LIKE: {@code ILIKE}, on MariaDB/MySQL {@code lower(this) LIKE lower(pattern)}. */
    default ColumnElement<Boolean> ilike(String pattern) {
        return Ops.compareAny(this, Op.ILIKE, pattern);
    }

    /** {@code this BETWEEN lower AND upper}. */
    default ColumnElement<Boolean> between(@Nullable T lower, @Nullable T upper) {
        return Ops.between(this, lower, upper);
    }

    /** {@code this + other} (string concatenation for string expressions). */
    default ColumnElement<T> plus(Object other) {
        return Ops.arithmetic(this, Op.ADD, other);
    }

    /** {@code this - other}. */
    default ColumnElement<T> minus(Object other) {
        return Ops.arithmetic(this, Op.SUB, other);
    }

    /** String concatenation: {@code this || other}, on MariaDB/MySQL {@code concat(this, other)}. */
    default ColumnElement<String> concat(Object other) {
        return Ops.concat(this, other);
    }

    /** {@code this ASC}, for {@code orderBy}. */
    default ColumnElement<T> asc() {
        return new Unary<>(Op.ASC, this, type());
    }

    /** {@code this DESC}, for {@code orderBy}. */
    default ColumnElement<T> desc() {
        return new Unary<>(Op.DESC, this, type());
    }

    /** {@code this AS name}: the result column is called {@code name}. */
    default ColumnElement<T> label(String name) {
        return new Label<>(name, this);
    }

    /** {@code CAST(this AS type)}. */
    default <R> ColumnElement<R> cast(SqlType<R> type) {
        return new Cast<>(this, type);
    }
}
