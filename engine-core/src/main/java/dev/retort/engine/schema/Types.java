package dev.retort.engine.schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The built-in column types, SQLAlchemy's generic types. Each renders the DDL its dialect expects (for example
 * {@link #TIMESTAMP} is {@code DATETIME} on MariaDB) and reads values as its Java type.
 */
public final class Types {

    /** {@code INTEGER}, read as {@link Integer}. */
    public static final SqlType<Integer> INTEGER = new SqlType<>(SqlType.Kind.INTEGER, "INTEGER", Integer.class, -1, -1);
    /** {@code BIGINT}, read as {@link Long}. */
    public static final SqlType<Long> BIGINT = new SqlType<>(SqlType.Kind.BIGINT, "BIGINT", Long.class, -1, -1);
    /** {@code BOOLEAN}, read as {@link Boolean}. */
    public static final SqlType<Boolean> BOOLEAN = new SqlType<>(SqlType.Kind.BOOLEAN, "BOOLEAN", Boolean.class, -1,
            -1);
    /** {@code DOUBLE}, read as {@link Double}. */
    public static final SqlType<Double> DOUBLE = new SqlType<>(SqlType.Kind.DOUBLE, "DOUBLE", Double.class, -1, -1);
    /** {@code TEXT} (unbounded character data), read as {@link String}. */
    public static final SqlType<String> TEXT = new SqlType<>(SqlType.Kind.TEXT, "TEXT", String.class, -1, -1);
    /** {@code DATE}, read as {@link LocalDate}. */
    public static final SqlType<LocalDate> DATE = new SqlType<>(SqlType.Kind.DATE, "DATE", LocalDate.class, -1, -1);
    /** {@code TIMESTAMP} without time zone, read as {@link LocalDateTime}. */
    public static final SqlType<LocalDateTime> TIMESTAMP = new SqlType<>(SqlType.Kind.TIMESTAMP, "TIMESTAMP",
            LocalDateTime.class, -1, -1);
    /** Binary data ({@code BYTEA}, {@code BLOB}, {@code VARBINARY}), read as {@code byte[]}. */
    public static final SqlType<byte[]> LARGE_BINARY = new SqlType<>(SqlType.Kind.LARGE_BINARY, "LARGE_BINARY",
            byte[].class, -1, -1);

    private Types() {
    }

    /** {@code VARCHAR(length)}, read as {@link String}. */
    public static SqlType<String> string(int length) {
        if (length <= 0) {
            throw new dev.retort.engine.exc.ArgumentException("string(length) needs a positive length, not " + length
                    + "; use TEXT for unbounded strings");
        }
        return new SqlType<>(SqlType.Kind.STRING, "VARCHAR(" + length + ")", String.class, length, -1);
    }

    /** {@code NUMERIC(precision, scale)}, read as {@link BigDecimal}. */
    public static SqlType<BigDecimal> numeric(int precision, int scale) {
        if (precision <= 0 || scale < 0 || scale > precision) {
            throw new dev.retort.engine.exc.ArgumentException("numeric(precision, scale) needs 0 < precision and "
                    + "0 <= scale <= precision, not (" + precision + ", " + scale + ")");
        }
        return new SqlType<>(SqlType.Kind.NUMERIC, "NUMERIC(" + precision + ", " + scale + ")", BigDecimal.class,
                precision, scale);
    }
}
