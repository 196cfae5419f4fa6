package dev.retort.engine.sql;

import dev.retort.engine.schema.Column;
import dev.retort.engine.schema.Table;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Structure, values and FROM objects of any expression-language object: an {@link Element}, a schema {@link Column}
 * or {@link Table} (which compare by value and carry no bind values), or {@code null}. Allocation-free.
 */
final class Shape {

    private Shape() {
    }

    static int hash(@Nullable Object o) {
        if (o == null) {
            return 0;
        }
        return o instanceof Element e ? e.shapeHash() : o.hashCode();
    }

    static int hash(@Nullable Object first, @Nullable Object second, @Nullable Object third) {
        return (hash(first) * 31 + hash(second)) * 31 + hash(third);
    }

    static int hash(Object[] items) {
        int h = items.length;
        for (Object o : items) {
            h = h * 31 + hash(o);
        }
        return h;
    }

    static boolean same(@Nullable Object a, @Nullable Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return false;
        }
        return a instanceof Element e ? e.sameShape((Element) b) : a.equals(b);
    }

    static boolean same(Object[] a, Object[] b) {
        if (a == b) {
            return true;
        }
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!same(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    static int binds(@Nullable Object o, Object @Nullable [] out, int index, boolean nodes) {
        return o instanceof Element e ? e.binds(out, index, nodes) : index;
    }

    /** The binds of three operands in order (a binary expression with BETWEEN's upper bound, a join). */
    static int binds(@Nullable Object first, @Nullable Object second, @Nullable Object third,
            Object @Nullable [] out, int index, boolean nodes) {
        return binds(third, out, binds(second, out, binds(first, out, index, nodes), nodes), nodes);
    }

    /** Whether three operands have the same structures as three others, pairwise. */
    static boolean same(@Nullable Object a1, @Nullable Object b1, @Nullable Object c1, @Nullable Object a2,
            @Nullable Object b2, @Nullable Object c2) {
        return same(a1, a2) && same(b1, b2) && same(c1, c2);
    }

    static int binds(Object[] items, Object @Nullable [] out, int index, boolean nodes) {
        for (Object o : items) {
            if (o instanceof Element e) {
                index = e.binds(out, index, nodes);
            }
        }
        return index;
    }

    @SuppressWarnings("unchecked")
    static <T> T strip(T o) {
        return o instanceof Element e ? (T) e.stripped() : o;
    }

    static Object[] strip(Object[] items) {
        Object[] copy = null;
        for (int i = 0; i < items.length; i++) {
            Object s = strip(items[i]);
            if (s != items[i]) {
                if (copy == null) {
                    copy = items.clone();
                }
                copy[i] = s;
            }
        }
        return copy == null ? items : copy;
    }

    static void froms(@Nullable Object o, List<Object> out) {
        if (o instanceof Column<?> c) {
            if (c.table() != null) {
                out.add(c.table());
            }
        } else if (o instanceof Element e) {
            e.froms(out);
        }
    }

    static void froms(@Nullable Object first, @Nullable Object second, @Nullable Object third, List<Object> out) {
        froms(first, out);
        froms(second, out);
        froms(third, out);
    }

    static void froms(Object[] items, List<Object> out) {
        for (Object o : items) {
            froms(o, out);
        }
    }
}
