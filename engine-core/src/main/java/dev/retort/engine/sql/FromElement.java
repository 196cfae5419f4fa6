package dev.retort.engine.sql;

import dev.retort.engine.exc.ArgumentException;
import java.util.List;
import java.util.stream.Collectors;

/** The base of the FROM clauses built by the expression language: {@link Alias}, {@link Subquery}, {@link Join}. */
abstract class FromElement extends Element implements FromClause {

    /** What the clause is called in errors. */
    abstract String description();

    /** The key {@link #c(String)} finds a column by. */
    String keyOf(ColumnElement<?> column) {
        return Ops.keyOf(column);
    }

    @Override
    @SuppressWarnings("unchecked")
    public ColumnElement<Object> c(String name) {
        for (ColumnElement<?> c : columns()) {
            if (keyOf(c).equals(name)) {
                return (ColumnElement<Object>) c;
            }
        }
        throw new ArgumentException(description() + " has no column '" + name + "'; its columns are "
                + columns().stream().map(this::keyOf).collect(Collectors.joining(", ")));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ColumnElement<T> c(String name, Class<T> type) {
        ColumnElement<Object> c = c(name);
        if (!type.isAssignableFrom(c.type().javaType())) {
            throw new ArgumentException("Column '" + name + "' of " + description() + " holds " + c.type().javaType()
                    .getSimpleName() + " values, not " + type.getSimpleName());
        }
        return (ColumnElement<T>) (ColumnElement<?>) c;
    }

    @Override
    public String toString() {
        return SqlCompiler.display(this);
    }
}
