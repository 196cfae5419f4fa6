package dev.retort.engine.schema;

import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.internal.SqlFlavor;
import java.util.Objects;

/**
 * A column's SQL type and the Java type its values have. Values compare by value. The built-in types are in
 * {@link Types}; {@link #of(String, Class)} names any other type by its DDL.
 *
 * @param <T> the Java type of the values
 */
public final class SqlType<T> {

    /** The kinds of types whose DDL differs between databases. */
    enum Kind {
        INTEGER, BIGINT, BOOLEAN, DOUBLE, TEXT, DATE, TIMESTAMP, LARGE_BINARY, STRING, NUMERIC, CUSTOM
    }

    private final Kind kind;
    private final String ddl;
    private final Class<T> javaType;
    private final int length;
    private final int scale;
    private final int hash;

    SqlType(Kind kind, String ddl, Class<T> javaType, int length, int scale) {
        this.kind = kind;
        this.ddl = ddl;
        this.javaType = javaType;
        this.length = length;
        this.scale = scale;
        this.hash = Objects.hash(kind, ddl, javaType, length, scale);
    }

    /** A type rendered in DDL exactly as {@code ddl}, whose values are of {@code javaType}. */
    public static <T> SqlType<T> of(String ddl, Class<T> javaType) {
        return new SqlType<>(Kind.CUSTOM, Objects.requireNonNull(ddl, "ddl"), Objects.requireNonNull(javaType,
                "javaType"), -1, -1);
    }

    /** The Java type of the values. */
    public Class<T> javaType() {
        return javaType;
    }

    /** The generic DDL name, e.g. {@code VARCHAR(50)}; dialects may render another name for the same type. */
    public String ddl() {
        return ddl;
    }

    /**
     * The DDL of this type on a dialect: the generic name, except MariaDB/MySQL {@code BOOL DATETIME BLOB},
     * PostgreSQL {@code DOUBLE PRECISION}, {@code TIMESTAMP WITHOUT TIME ZONE}, {@code BYTEA}, and H2
     * {@code DOUBLE PRECISION}, {@code CHARACTER VARYING} (for {@code TEXT}), {@code VARBINARY}.
     */
    public String ddl(Dialect dialect) {
        SqlFlavor flavor = SqlFlavor.of(dialect);
        return switch (kind) {
            case BOOLEAN -> flavor == SqlFlavor.MYSQL ? "BOOL" : ddl;
            case DOUBLE -> flavor == SqlFlavor.MYSQL || flavor == SqlFlavor.GENERIC ? ddl : "DOUBLE PRECISION";
            case TEXT -> flavor == SqlFlavor.H2 ? "CHARACTER VARYING" : ddl;
            case TIMESTAMP -> flavor == SqlFlavor.MYSQL ? "DATETIME"
                    : flavor == SqlFlavor.POSTGRESQL ? "TIMESTAMP WITHOUT TIME ZONE" : ddl;
            case LARGE_BINARY -> switch (flavor) {
                case MYSQL -> "BLOB";
                case POSTGRESQL -> "BYTEA";
                case H2 -> "VARBINARY";
                case GENERIC -> "BLOB";
            };
            default -> ddl;
        };
    }

    Kind kind() {
        return kind;
    }

    /** The length of a {@code VARCHAR}, the precision of a {@code NUMERIC}, else -1. */
    int length() {
        return length;
    }

    /** The scale of a {@code NUMERIC}, else -1. */
    int scale() {
        return scale;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SqlType<?> other && kind == other.kind && length == other.length
                && scale == other.scale && ddl.equals(other.ddl) && javaType == other.javaType;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return ddl;
    }
}
