package dev.retort.engine.sql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something a {@code SELECT} reads from: a {@link dev.retort.engine.schema.Table}, an {@link Alias}, a
 * {@link Subquery} or a {@link Join}.
 */
public interface FromClause extends SelectItem {

    /** The columns, in order. */
    List<? extends ColumnElement<?>> columns();

    /**
     * The column called {@code name}.
     *
     * @throws dev.retort.engine.exc.ArgumentException when there is none; the message lists the columns
     */
    ColumnElement<Object> c(String name);

    /** The column called {@code name}, typed ({@link dev.retort.engine.exc.ArgumentException} for another type). */
    <T> ColumnElement<T> c(String name, Class<T> type);

    /** This clause's column for {@code column} (for an alias: the aliased column of the same name). */
    <T> ColumnElement<T> c(ColumnElement<T> column);

    /** {@code this JOIN right ON ...}, the condition inferred from the one foreign key between them. */
    default Join join(FromClause right) {
        return Join.of(this, right, null, false);
    }

    /** {@code this JOIN right ON on}. */
    default Join join(FromClause right, ColumnElement<Boolean> on) {
        return Join.of(this, right, on, false);
    }

    /** {@code this LEFT OUTER JOIN right ON ...}, the condition inferred from the one foreign key between them. */
    default Join outerJoin(FromClause right) {
        return Join.of(this, right, null, true);
    }

    /** {@code this LEFT OUTER JOIN right ON on}. */
    default Join outerJoin(FromClause right, @Nullable ColumnElement<Boolean> on) {
        return Join.of(this, right, on, true);
    }
}
