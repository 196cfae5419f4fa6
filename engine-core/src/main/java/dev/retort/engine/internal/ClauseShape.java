package dev.retort.engine.internal;

import org.jspecify.annotations.Nullable;

/**
 * What the engine needs to know about a compiled expression-language statement beyond its SQL: the result columns it
 * declares (keys as compiled, Java types, the selected elements for {@code Row.get(element)}) and how to assemble
 * {@code insertedPrimaryKey()}.
 *
 * @param keys the result column keys, or {@code null} when the statement returns no rows
 * @param types the Java type of each result column
 * @param elements the selected element of each result column
 * @param primaryKeyNames the primary-key column names of an INSERT's table (empty for other statements)
 * @param primaryKeyTypes the Java type of each primary-key column
 * @param primaryKeyArguments per primary-key column, the index of the JDBC argument holding its value, or -1 when the
 *     database generates it (read from generated keys or RETURNING)
 * @param returningKey whether the statement's RETURNING rows are the generated primary key rather than a result
 */
public record ClauseShape(String @Nullable [] keys, Class<?>[] types, Object[] elements, String[] primaryKeyNames,
        Class<?>[] primaryKeyTypes, int[] primaryKeyArguments, boolean returningKey) {
}
