package dev.retort.engine;

import org.jspecify.annotations.Nullable;

/**
 * A column as {@link Inspector#columns(String)} reports it.
 *
 * @param name the column name
 * @param typeName the database type name, e.g. {@code VARCHAR}
 * @param jdbcType the {@link java.sql.Types} code
 * @param nullable whether the column accepts NULL
 * @param defaultValue the default expression, or {@code null}
 */
public record ColumnInfo(String name, String typeName, int jdbcType, boolean nullable, @Nullable String defaultValue) {
}
