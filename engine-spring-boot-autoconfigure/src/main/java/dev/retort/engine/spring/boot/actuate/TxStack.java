package dev.retort.engine.spring.boot.actuate;

import dev.retort.engine.Connection;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The open transactions of one physical connection as an instrument sees them: the root (with its kind) and a stack
 * of savepoints, each with a start time and an optional value (an observation). Kept in {@link Connection#info()}
 * under a key of the instrument, so it is allocated once per physical connection, not per transaction.
 */
final class TxStack {

    static final int ROOT = 0;
    static final int NESTED = 1;
    static final int TWO_PHASE = 2;
    static final String[] KINDS = {"root", "nested", "twophase"};

    int rootKind = -1;
    long rootStart;
    @Nullable Object rootValue;
    int depth;
    @Nullable String[] names = new String[4];
    long[] starts = new long[4];
    @Nullable Object[] values = new Object[4];

    /** The stack of {@code connection} under {@code key}, created on first use. */
    static TxStack of(Connection connection, String key) {
        Map<String, Object> info = connection.info();
        Object state = info.get(key);
        if (state == null) {
            state = new TxStack();
            info.put(key, state);
        }
        return (TxStack) state;
    }

    void begin(int kind, long start, @Nullable Object value) {
        rootKind = kind;
        rootStart = start;
        rootValue = value;
        clearNested();
    }

    boolean hasRoot() {
        return rootKind >= 0;
    }

    void endRoot() {
        rootKind = -1;
        rootValue = null;
        clearNested();
    }

    void push(String name, long start, @Nullable Object value) {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            starts = Arrays.copyOf(starts, depth * 2);
            values = Arrays.copyOf(values, depth * 2);
        }
        names[depth] = name;
        starts[depth] = start;
        values[depth] = value;
        depth++;
    }

    /** The index of the savepoint called {@code name}, searching from the innermost, or -1. */
    int indexOf(String name) {
        for (int i = depth - 1; i >= 0; i--) {
            if (name.equals(names[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Forgets the savepoints from {@code index} inwards. */
    void truncate(int index) {
        for (int i = index; i < depth; i++) {
            names[i] = null;
            values[i] = null;
        }
        depth = index;
    }

    /** The value of the innermost open transaction (savepoint, else root), or {@code null}. */
    @Nullable Object innermostValue() {
        return depth > 0 ? values[depth - 1] : rootValue;
    }

    private void clearNested() {
        truncate(0);
    }
}
