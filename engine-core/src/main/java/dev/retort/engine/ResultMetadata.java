package dev.retort.engine;

import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.internal.RowMapperPlan;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Column keys of a result, computed once per result and shared by all of its rows. Name lookups (exact, then
 * case-insensitive) and record/bean mapping plans are built on first use.
 */
final class ResultMetadata {

    private final String[] keys;
    private volatile Map<String, Integer> exact;
    private volatile Map<String, Integer> folded;
    private final Map<Class<?>, RowMapperPlan<?>> plans = new HashMap<>(4);

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

    @SuppressWarnings("unchecked")
    <T> RowMapperPlan<T> plan(Class<T> type) {
        synchronized (plans) {
            return (RowMapperPlan<T>) plans.computeIfAbsent(type, t -> RowMapperPlan.create(keys, t));
        }
    }

    ResultMetadata project(int[] columns) {
        String[] projected = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            projected[i] = keys[columns[i]];
        }
        return new ResultMetadata(projected);
    }
}
