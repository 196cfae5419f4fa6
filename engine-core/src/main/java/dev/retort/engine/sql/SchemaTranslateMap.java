package dev.retort.engine.sql;

import dev.retort.engine.exc.ArgumentException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * SQLAlchemy's {@code schema_translate_map}: at execution, a table's schema ({@link #DEFAULT} for a table without
 * one) is replaced by its target; a {@code null} target renders the table unqualified; unmapped schemas stay.
 * Compiled statements are translated per execution, so every map shares one compiled form. Values compare by value.
 */
public final class SchemaTranslateMap {

    /** The key for tables without a schema (SQLAlchemy's {@code None}). */
    public static final String DEFAULT = "";

    private static final SchemaTranslateMap EMPTY = new SchemaTranslateMap(Map.of());

    private final Map<String, @Nullable String> map;

    private SchemaTranslateMap(Map<String, @Nullable String> map) {
        this.map = map;
    }

    /** A map from {@code from, to} pairs, e.g. {@code of(DEFAULT, "tenant7", "audit", null)}. */
    public static SchemaTranslateMap of(@Nullable String... fromToPairs) {
        if (fromToPairs.length % 2 != 0) {
            throw new ArgumentException("SchemaTranslateMap.of() takes (from, to) pairs; got an odd number ("
                    + fromToPairs.length + ") of names");
        }
        Map<@Nullable String, @Nullable String> m = new LinkedHashMap<>();
        for (int i = 0; i < fromToPairs.length; i += 2) {
            m.put(fromToPairs[i], fromToPairs[i + 1]);
        }
        return of(m);
    }

    /** A map from schema to target; a {@code null} key means {@link #DEFAULT}. */
    public static SchemaTranslateMap of(Map<? extends @Nullable String, ? extends @Nullable String> map) {
        if (map.isEmpty()) {
            return EMPTY;
        }
        Map<String, @Nullable String> copy = new LinkedHashMap<>();
        for (Map.Entry<? extends @Nullable String, ? extends @Nullable String> e : map.entrySet()) {
            copy.put(e.getKey() == null ? DEFAULT : e.getKey(), e.getValue());
        }
        return new SchemaTranslateMap(Collections.unmodifiableMap(copy));
    }

    /** The mapping, keyed by schema ({@link #DEFAULT} for tables without one); values may be {@code null}. */
    public Map<String, @Nullable String> asMap() {
        return map;
    }

    /** Whether nothing is mapped (such a map is not "in effect"). */
    public boolean isEmpty() {
        return map.isEmpty();
    }

    /** The schema a table of {@code schema} ({@code null}: none) renders with: its target when mapped, else itself. */
    public @Nullable String translate(@Nullable String schema) {
        String key = schema == null ? DEFAULT : schema;
        if (!map.containsKey(key)) {
            return schema;
        }
        String target = map.get(key);
        return target == null || target.isEmpty() ? null : target;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaTranslateMap other && map.equals(other.map);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(map);
    }

    @Override
    public String toString() {
        return "SchemaTranslateMap" + map;
    }
}
