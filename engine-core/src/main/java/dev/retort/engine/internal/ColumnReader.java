package dev.retort.engine.internal;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;

/**
 * How one column is read from a JDBC cursor, chosen once per result shape from the column's JDBC type. Date and time
 * columns are read as {@code java.time} values straight from the driver ({@code getObject(column,
 * LocalDateTime.class)} and so on), never through {@code java.sql.Timestamp}/{@code Date}/{@code Time}: those go
 * through the JVM's default time zone, which shifts values in its DST gaps and whenever the database session's time
 * zone differs from the JVM's.
 */
public final class ColumnReader {

    /** {@code getObject(column)}: the driver's default Java type. */
    public static final int OBJECT = 0;
    /** {@code TIMESTAMP} as {@link LocalDateTime}. */
    public static final int LOCAL_DATE_TIME = 1;
    /** {@code TIMESTAMP WITH TIME ZONE} as {@link OffsetDateTime}. */
    public static final int OFFSET_DATE_TIME = 2;
    /** {@code DATE} as {@link LocalDate}. */
    public static final int LOCAL_DATE = 3;
    /** {@code TIME} as {@link LocalTime}. */
    public static final int LOCAL_TIME = 4;
    /**
     * {@code TIMESTAMP} as {@link LocalDateTime}, read through a UTC calendar (which has no DST gaps) for drivers that
     * otherwise decode it through the JVM's time zone.
     */
    public static final int LOCAL_DATE_TIME_VIA_UTC = 5;

    private static final Calendar UTC = utc();

    private static Calendar utc() {
        Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
        calendar.getTimeZone(); // unshares the zone now, so drivers that only read it never write to the calendar
        return calendar;
    }

    private ColumnReader() {
    }

    /**
     * The reader for column {@code column} (1-based) of a cursor.
     *
     * @param viaUtc whether {@code TIMESTAMP} is read through a UTC calendar ({@code Dialect.shiftsLocalDateTimes()})
     */
    public static int of(ResultSetMetaData md, int column, int jdbcType, boolean viaUtc)
            throws SQLException {
        return switch (jdbcType) {
            // pgjdbc reports timestamptz as TIMESTAMP and timetz as TIME; only the type name tells them apart
            case Types.TIMESTAMP -> "timestamptz".equalsIgnoreCase(md.getColumnTypeName(column))
                    ? OFFSET_DATE_TIME : viaUtc ? LOCAL_DATE_TIME_VIA_UTC : LOCAL_DATE_TIME;
            case Types.TIMESTAMP_WITH_TIMEZONE -> OFFSET_DATE_TIME;
            case Types.DATE -> LOCAL_DATE;
            case Types.TIME -> "timetz".equalsIgnoreCase(md.getColumnTypeName(column)) ? OBJECT : LOCAL_TIME;
            default -> OBJECT;
        };
    }

    /** Reads column {@code column} (1-based) of the cursor's current row with {@code reader}. */
    public static @Nullable Object read(ResultSet rs, int column, int reader) throws SQLException {
        return switch (reader) {
            case LOCAL_DATE_TIME -> rs.getObject(column, LocalDateTime.class);
            case OFFSET_DATE_TIME -> rs.getObject(column, OffsetDateTime.class);
            case LOCAL_DATE -> rs.getObject(column, LocalDate.class);
            case LOCAL_TIME -> rs.getObject(column, LocalTime.class);
            case LOCAL_DATE_TIME_VIA_UTC -> utcLocalDateTime(rs.getTimestamp(column, UTC));
            default -> rs.getObject(column);
        };
    }

    private static @Nullable LocalDateTime utcLocalDateTime(@Nullable Timestamp ts) {
        return ts == null ? null
                : LocalDateTime.ofEpochSecond(Math.floorDiv(ts.getTime(), 1000L), ts.getNanos(), ZoneOffset.UTC);
    }

    /**
     * The Java type {@code getObject(column, type)} reads for this reader, or {@code null} when the reader does
     * something else ({@link #OBJECT}: the driver decides; {@link #LOCAL_DATE_TIME_VIA_UTC}: a UTC calendar).
     */
    public static @Nullable Class<?> javaType(int reader) {
        return switch (reader) {
            case LOCAL_DATE_TIME -> LocalDateTime.class;
            case OFFSET_DATE_TIME -> OffsetDateTime.class;
            case LOCAL_DATE -> LocalDate.class;
            case LOCAL_TIME -> LocalTime.class;
            default -> null;
        };
    }
}
