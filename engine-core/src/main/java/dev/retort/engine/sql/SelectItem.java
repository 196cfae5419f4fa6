package dev.retort.engine.sql;

/** Something a {@code select(...)} can list: a {@link ColumnElement} or a {@link FromClause} (all its columns). */
public interface SelectItem {
}
