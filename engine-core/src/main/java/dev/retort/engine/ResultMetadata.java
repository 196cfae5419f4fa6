package dev.retort.engine;

import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.internal.ColumnReader;
import dev.retort.engine.internal.RowMapperPlan;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Column keys of a result, computed once per result shape and shared by all of its rows, with how each column is read
 * from the cursor ({@link ColumnReader}: date and time columns as {@code java.time} values). Name lookups (exact, then
 * case-insensitive) and record/bean mapping plans are built on first use.
 */
final class ResultMetadata {

    /** No columns (results of DML). */
    static final ResultMetadata NONE = new ResultMetadata(new String[0]);

    private final String[] keys;
    /** How each column is read ({@link ColumnReader}); {@code null} when every column is read with getObject. */
    private final int @Nullable [] readers;
    /** The JDBC type of each column, to tell a changed shape with the same labels; {@code null} when unknown. */
    private final int @Nullable [] jdbcTypes;
    /** Whether TIMESTAMP columns are read through a UTC calendar (depends on the driver, so on the engine). */
    private final boolean viaUtc;
    private volatile Map<String, Integer> exact;
    private volatile Map<String, Integer> folded;
    private final Map<Class<?>, RowMapperPlan<?>> plans = new HashMap<>(4);
    private volatile @Nullable RowMapperPlan<?> lastPlan;

    ResultMetadata(String[] keys) {
        this(keys, null, null, false);
    }

    private ResultMetadata(String[] keys, int @Nullable [] readers, int @Nullable [] jdbcTypes, boolean viaUtc) {
        this.keys = keys;
        this.readers = readers;
        this.jdbcTypes = jdbcTypes;
        this.viaUtc = viaUtc;
    }

    /**
     * The labels, JDBC types and readers of a cursor's columns.
     *
     * @param viaUtc whether {@code TIMESTAMP} columns are read through a UTC calendar ({@code
     *     Dialect.shiftsLocalDateTimes})
     */
    static ResultMetadata of(ResultSetMetaData md, int columnCount, boolean viaUtc) throws SQLException {
        String[] keys = new String[columnCount];
        int[] readers = new int[columnCount];
        int[] types = new int[columnCount];
        boolean typed = false;
        for (int i = 0; i < columnCount; i++) {
            keys[i] = md.getColumnLabel(i + 1);
            types[i] = md.getColumnType(i + 1);
            readers[i] = ColumnReader.of(md, i + 1, types[i], viaUtc);
            typed |= readers[i] != ColumnReader.OBJECT;
        }
        return new ResultMetadata(keys, typed ? readers : null, types, viaUtc);
    }

    /** Reads column {@code index} (0-based) of the cursor's current row. */
    @Nullable Object value(ResultSet rs, int index) throws SQLException {
        return readers == null ? rs.getObject(index + 1) : ColumnReader.read(rs, index + 1, readers[index]);
    }

    String[] keys() {
        return keys;
    }

    int size() {
        return keys.length;
    }

    int indexOf(String key) {
        Map<String, Integer> e = exact;
        if (e == null) {
            buildMaps();
            e = exact;
        }
        Integer i = e.get(key);
        if (i == null) {
            i = folded.get(key.toLowerCase(Locale.ROOT));
        }
        if (i == null) {
            throw new InvalidRequestException("Could not locate column in row for column '" + key + "'; available "
                    + "columns: " + String.join(", ", keys));
        }
        return i;
    }

    boolean has(String key) {
        if (exact == null) {
            buildMaps();
        }
        return exact.containsKey(key) || folded.containsKey(key.toLowerCase(Locale.ROOT));
    }

    private synchronized void buildMaps() {
        if (exact != null) {
            return;
        }
        Map<String, Integer> e = new HashMap<>(keys.length * 2);
        Map<String, Integer> f = new HashMap<>(keys.length * 2);
        for (int i = keys.length - 1; i >= 0; i--) {
            e.put(keys[i], i);
            f.put(keys[i].toLowerCase(Locale.ROOT), i);
        }
        folded = f;
        exact = e;
    }

    /**
     * Whether a result set's columns have exactly these labels and JDBC types, read the same way (a statement's text
     * can be run on engines of different drivers).
     */
    boolean matches(ResultSetMetaData md, int columnCount, boolean viaUtc) throws SQLException {
        if (columnCount != keys.length || jdbcTypes == null || viaUtc != this.viaUtc) {
            return false;
        }
        for (int i = 0; i < columnCount; i++) {
            if (!keys[i].equals(md.getColumnLabel(i + 1)) || jdbcTypes[i] != md.getColumnType(i + 1)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    <T> RowMapperPlan<T> plan(Class<T> type) {
        RowMapperPlan<?> last = lastPlan;
        if (last != null && last.type() == type) {
            return (RowMapperPlan<T>) last;
        }
        RowMapperPlan<T> plan;
        synchronized (plans) {
            plan = (RowMapperPlan<T>) plans.computeIfAbsent(type, t -> RowMapperPlan.create(keys, jdbcTypes, readers, t));
        }
        lastPlan = plan;
        return plan;
    }

    ResultMetadata project(int[] columns) {
        String[] projected = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            projected[i] = keys[columns[i]];
        }
        return new ResultMetadata(projected);
    }
}
