package dev.retort.engine;

import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.internal.RowMapperPlan;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Column keys of a result, computed once per result and shared by all of its rows. Name lookups (exact, then
 * case-insensitive) and record/bean mapping plans are built on first use.
 */
final class ResultMetadata {

    /** No columns (results of DML). */
    static final ResultMetadata NONE = new ResultMetadata(new String[0]);

    private final String[] keys;
    private volatile Map<String, Integer> exact;
    private volatile Map<String, Integer> folded;
    private final Map<Class<?>, RowMapperPlan<?>> plans = new HashMap<>(4);
    private volatile @Nullable RowMapperPlan<?> lastPlan;

    ResultMetadata(String[] keys) {
        this.keys = keys;
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

    /** Whether a result set's columns have exactly these labels. */
    boolean matches(ResultSetMetaData md, int columnCount) throws SQLException {
        if (columnCount != keys.length) {
            return false;
        }
        for (int i = 0; i < columnCount; i++) {
            if (!keys[i].equals(md.getColumnLabel(i + 1))) {
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
            plan = (RowMapperPlan<T>) plans.computeIfAbsent(type, t -> RowMapperPlan.create(keys, t));
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
