package dev.retort.engine;

import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.internal.ColumnReader;
import dev.retort.engine.internal.Conversions;
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
    /** The Java type of each column a compiled statement declares, or {@code null} (text: values as read). */
    private final Class<?> @Nullable [] types;
    /** The selected element of each column of a compiled statement, for {@code Row.get(element)}, or {@code null}. */
    private final Object @Nullable [] elements;
    private volatile Map<String, Integer> exact;
    private volatile Map<String, Integer> folded;
    private final Map<Class<?>, RowMapperPlan<?>> plans = new HashMap<>(4);
    private volatile @Nullable RowMapperPlan<?> lastPlan;

    ResultMetadata(String[] keys) {
        this(keys, null, null, false);
    }

    private ResultMetadata(String[] keys, int @Nullable [] readers, int @Nullable [] jdbcTypes, boolean viaUtc) {
        this(keys, readers, jdbcTypes, viaUtc, null, null);
    }

    private ResultMetadata(String[] keys, int @Nullable [] readers, int @Nullable [] jdbcTypes, boolean viaUtc,
            Class<?> @Nullable [] types, Object @Nullable [] elements) {
        this.keys = keys;
        this.readers = readers;
        this.jdbcTypes = jdbcTypes;
        this.viaUtc = viaUtc;
        this.types = types;
        this.elements = elements;
    }

    /** A primary key's columns, converted to the columns' Java types. */
    ResultMetadata(String[] keys, Class<?>[] types) {
        this(keys, null, null, false, types, null);
    }

    /**
     * This cursor's columns under a compiled statement's keys (not the driver's labels), its values converted to the
     * declared Java types and its columns answering {@code Row.get(element)}.
     */
    ResultMetadata declared(String[] declaredKeys, Class<?>[] declaredTypes, Object[] declaredElements) {
        return new ResultMetadata(declaredKeys, readers, jdbcTypes, viaUtc, declaredTypes, declaredElements);
    }

    /** Whether a cursor has these columns' JDBC types, read the same way (labels aside: compiled keys differ). */
    boolean sameCursor(ResultSetMetaData md, int columnCount, boolean viaUtc) throws SQLException {
        if (columnCount != keys.length || jdbcTypes == null || viaUtc != this.viaUtc) {
            return false;
        }
        for (int i = 0; i < columnCount; i++) {
            if (jdbcTypes[i] != md.getColumnType(i + 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The column of a selected element: the same object, else an element of the same structure (rows of an equal
     * statement answer the caller's columns); for text results a column by its name.
     */
    int indexOf(dev.retort.engine.sql.ColumnElement<?> element) {
        Object[] e = elements;
        if (e != null) {
            for (int i = 0; i < e.length; i++) {
                if (e[i] == element) {
                    return i;
                }
            }
            dev.retort.engine.internal.ClauseSupport support = dev.retort.engine.internal.ClauseSupport.get();
            for (int i = 0; i < e.length; i++) {
                if (support.sameStructure(e[i], element)) {
                    return i;
                }
            }
        } else if (element instanceof dev.retort.engine.schema.Column<?> c && has(c.name())) {
            return indexOf(c.name());
        }
        throw new InvalidRequestException("Could not locate column in row for column '" + element + "'; the row has "
                + "columns " + String.join(", ", keys) + "; select it, or read it by name");
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

    /** Reads column {@code index} (0-based) of the cursor's current row, as its declared type if it has one. */
    @Nullable Object value(ResultSet rs, int index) throws SQLException {
        Object value = readers == null ? rs.getObject(index + 1) : ColumnReader.read(rs, index + 1, readers[index]);
        Class<?>[] t = types;
        return t == null || t[index] == Object.class ? value : Conversions.convert(value, t[index]);
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
