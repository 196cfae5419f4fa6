package dev.retort.engine.internal;

import org.jspecify.annotations.Nullable;

/**
 * What the engine needs to know about a compiled expression-language statement beyond its SQL: the result columns it
 * declares (keys as compiled, Java types, the selected elements for {@code Row.get(element)}) and how to assemble
 * {@code insertedPrimaryKey()}. The expression language extends it with how to build an execution's JDBC arguments
 * (see {@link ClauseSupport#arguments}).
 */
public abstract class ClauseShape {

    private final String @Nullable [] keys;
    private final Class<?>[] types;
    private final Object[] elements;
    private final String[] primaryKeyNames;
    private final Class<?>[] primaryKeyTypes;
    private final int[] primaryKeyArguments;
    private final boolean returningKey;

    /**
     * @param keys the result column keys, or {@code null} when the statement returns no rows
     * @param types the Java type of each result column
     * @param elements the selected element of each result column
     * @param primaryKeyNames the primary-key column names of an INSERT's table (empty for other statements)
     * @param primaryKeyTypes the Java type of each primary-key column
     * @param primaryKeyArguments per primary-key column, the index of the JDBC argument holding its value, or -1 when
     *     the database generates it (read from generated keys or RETURNING)
     * @param returningKey whether the statement's RETURNING rows are the generated primary key rather than a result
     */
    protected ClauseShape(String @Nullable [] keys, Class<?>[] types, Object[] elements, String[] primaryKeyNames,
            Class<?>[] primaryKeyTypes, int[] primaryKeyArguments, boolean returningKey) {
        this.keys = keys;
        this.types = types;
        this.elements = elements;
        this.primaryKeyNames = primaryKeyNames;
        this.primaryKeyTypes = primaryKeyTypes;
        this.primaryKeyArguments = primaryKeyArguments;
        this.returningKey = returningKey;
    }

    /** A shape with the same columns and key plan as {@code other}. */
    protected ClauseShape(ClauseShape other) {
        this(other.keys, other.types, other.elements, other.primaryKeyNames, other.primaryKeyTypes,
                other.primaryKeyArguments, other.returningKey);
    }

    /** The result column keys, or {@code null} when the statement returns no rows. */
    public String @Nullable [] keys() {
        return keys;
    }

    /** The Java type of each result column. */
    public Class<?>[] types() {
        return types;
    }

    /** The selected element of each result column. */
    public Object[] elements() {
        return elements;
    }

    /** The primary-key column names of an INSERT's table (empty for other statements). */
    public String[] primaryKeyNames() {
        return primaryKeyNames;
    }

    /** The Java type of each primary-key column. */
    public Class<?>[] primaryKeyTypes() {
        return primaryKeyTypes;
    }

    /** Per primary-key column, the index of the JDBC argument holding its value, or -1 when generated. */
    public int[] primaryKeyArguments() {
        return primaryKeyArguments;
    }

    /** Whether the statement's RETURNING rows are the generated primary key rather than a result. */
    public boolean returningKey() {
        return returningKey;
    }
}
