package dev.retort.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Bounded display of SQL, parameters and values in messages, with SQLAlchemy's limits ({@code _repr_params},
 * {@code _long_statement}): a value over 300 characters keeps its first and last 150; a parameter set over 100
 * parameters keeps its first and last 50; an executemany over 10 parameter sets keeps the first 8 and the last 2; SQL
 * over 500 characters keeps its first 250 and last 100. Each cut says how much was left out.
 */
public final class Truncation {

    private static final int MAX_CHARS = 300;
    private static final int MAX_PARAMS = 100;
    private static final int MAX_BATCHES = 10;
    private static final int STATEMENT_MAX = 500;
    private static final int STATEMENT_LEFT = 250;
    private static final int STATEMENT_RIGHT = 100;
    /** Driver messages may embed the whole statement; they get the statement's rule scaled by four. */
    private static final int MESSAGE_SCALE = 4;

    private Truncation() {
    }

    /** A value as shown in a message: at most 300 characters plus the note of what was cut. */
    public static String value(@Nullable Object value) {
        return text(value instanceof CharSequence cs ? cs
                : value instanceof Object[] array ? Arrays.toString(array) : String.valueOf(value));
    }

    /** A text of at most 300 characters plus the note of what was cut; a long text is not copied whole. */
    public static String text(CharSequence text) {
        int length = text.length();
        if (length <= MAX_CHARS) {
            return text.toString();
        }
        int half = MAX_CHARS / 2;
        return text.subSequence(0, half) + " ... (" + (length - MAX_CHARS) + " characters truncated) ... "
                + text.subSequence(length - half, length);
    }

    /** SQL as shown in a message: over 500 characters, the first 250 and the last 100. */
    public static String statement(String sql) {
        return cut(sql, STATEMENT_MAX, STATEMENT_LEFT, STATEMENT_RIGHT);
    }

    /** A driver's message: the statement rule with four times the room, as drivers may quote the SQL. */
    public static String message(String message) {
        return cut(message, STATEMENT_MAX * MESSAGE_SCALE, STATEMENT_LEFT * MESSAGE_SCALE,
                STATEMENT_RIGHT * MESSAGE_SCALE);
    }

    private static String cut(String text, int max, int left, int right) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, left) + " ... " + (text.length() - left - right) + " characters truncated ... "
                + text.substring(text.length() - right);
    }

    /**
     * Parameters as shown in a message: a map of named parameters, a list of positional ones, or for an executemany a
     * list of either.
     */
    public static String parameters(Object parameters) {
        if (parameters instanceof List<?> list && !list.isEmpty() && isParameterSet(list.get(0))) {
            return batches(list);
        }
        return parameterSet(parameters);
    }

    private static boolean isParameterSet(@Nullable Object element) {
        return element instanceof Map || element instanceof List || element instanceof Object[];
    }

    private static String batches(List<?> sets) {
        StringBuilder sb = new StringBuilder("[");
        if (sets.size() <= MAX_BATCHES) {
            appendSets(sb, sets);
        } else {
            appendSets(sb, sets.subList(0, MAX_BATCHES - 2));
            sb.append(" ... displaying ").append(MAX_BATCHES).append(" of ").append(sets.size())
                    .append(" total bound parameter sets ... ");
            appendSets(sb, sets.subList(sets.size() - 2, sets.size()));
        }
        return sb.append(']').toString();
    }

    private static void appendSets(StringBuilder sb, List<?> sets) {
        for (int i = 0; i < sets.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(parameterSet(sets.get(i)));
        }
    }

    private static String parameterSet(@Nullable Object set) {
        if (set instanceof Map<?, ?> map) {
            List<String> shown = new ArrayList<>(Math.min(map.size(), MAX_PARAMS));
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (isShown(i++, map.size())) {
                    shown.add(e.getKey() + "=" + value(e.getValue()));
                }
            }
            return joined("{", "}", shown, map.size());
        }
        List<?> values = set instanceof Object[] array ? Arrays.asList(array) : set instanceof List<?> l ? l : null;
        if (values == null) {
            return value(set);
        }
        List<String> shown = new ArrayList<>(Math.min(values.size(), MAX_PARAMS));
        for (int i = 0; i < values.size(); i++) {
            if (isShown(i, values.size())) {
                shown.add(value(values.get(i)));
            }
        }
        return joined("[", "]", shown, values.size());
    }

    /** Over 100 parameters, only the first and the last 50 are shown. */
    private static boolean isShown(int index, int size) {
        return size <= MAX_PARAMS || index < MAX_PARAMS / 2 || index >= size - MAX_PARAMS / 2;
    }

    private static String joined(String open, String close, List<String> shown, int size) {
        if (size <= MAX_PARAMS) {
            return open + String.join(", ", shown) + close;
        }
        int half = MAX_PARAMS / 2;
        return open + String.join(", ", shown.subList(0, half)) + " ... " + (size - MAX_PARAMS)
                + " parameters truncated ... " + String.join(", ", shown.subList(half, shown.size())) + close;
    }
}
