package dev.retort.engine;

import dev.retort.engine.internal.Conversions;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row of a {@link Result}: values by position or by column label (exact match first, then case-insensitive),
 * with conversion to a requested type. Rows compare by value, like tuples.
 */
public final class Row {

    private final ResultMetadata metadata;
    private final Object[] values;

    Row(ResultMetadata metadata, Object[] values) {
        this.metadata = metadata;
        this.values = values;
    }

    /** The value at a 0-based position. */
    public @Nullable Object get(int index) {
        if (index < 0 || index >= values.length) {
            throw new dev.retort.engine.exc.InvalidRequestException("Column index " + index + " out of range; the row "
                    + "has " + values.length + " columns: " + String.join(", ", metadata.keys()));
        }
        return values[index];
    }

    /**
     * The value of a column by label.
     *
     * @throws dev.retort.engine.exc.InvalidRequestException when no column has that label; the message lists them
     */
    public @Nullable Object get(String key) {
        return values[metadata.indexOf(key)];
    }

    /**
     * The value of a selected element, typed: the select-list entry that is this object, else one of the same
     * structure.
     *
     * @throws dev.retort.engine.exc.InvalidRequestException when the row has no such column
     */
    @SuppressWarnings("unchecked")
    public <T> @Nullable T get(dev.retort.engine.sql.ColumnElement<T> element) {
        return (T) values[metadata.indexOf(element)];
    }

    /**
     * The value at a position converted to {@code type} (numbers, {@code java.time}, UUID, enums by name).
     *
     * @throws dev.retort.engine.exc.ArgumentException when the value cannot be converted; the message names the
     *     column, the value's type and {@code type}
     */
    public <T> @Nullable T get(int index, Class<T> type) {
        return Conversions.convert(get(index), type, metadata.keys()[index]);
    }

    /**
     * The value of a column converted to {@code type}.
     *
     * @throws dev.retort.engine.exc.ArgumentException when the value cannot be converted; the message names the
     *     column, the value's type and {@code type}
     */
    public <T> @Nullable T get(String key, Class<T> type) {
        int index = metadata.indexOf(key);
        return Conversions.convert(values[index], type, metadata.keys()[index]);
    }

    /** Label to value, in column order. */
    public Map<String, Object> asMap() {
        String[] keys = metadata.keys();
        Map<String, Object> map = new LinkedHashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            map.putIfAbsent(keys[i], values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The values in column order. */
    public List<Object> toList() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** The column labels. */
    public List<String> keys() {
        return List.of(metadata.keys());
    }

    /** The number of columns. */
    public int size() {
        return values.length;
    }

    /** Maps the row to a record (by component name) or a bean (by setter). */
    public <T> T as(Class<T> type) {
        return metadata.plan(type).map(values);
    }

    Object[] values() {
        return values;
    }

    ResultMetadata metadata() {
        return metadata;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object v = values[i];
            sb.append(v instanceof CharSequence ? "'" + v + "'" : String.valueOf(v));
        }
        return sb.append(values.length == 1 ? ",)" : ")").toString();
    }
}
