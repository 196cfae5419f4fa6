package dev.retort.engine.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded, thread-safe least-recently-used cache keyed by SQL text. Size 0 disables it.
 *
 * @param <V> the cached value
 */
public final class LruCache<V> {

    private final int capacity;
    private final Map<String, V> map;

    /** Creates a cache holding at most {@code capacity} entries. */
    public LruCache(int capacity) {
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(Math.min(capacity, 64) * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > LruCache.this.capacity;
            }
        };
    }

    /** Returns the cached value for {@code key}, computing and storing it when absent. */
    public V get(String key, Function<String, V> compute) {
        if (capacity == 0) {
            return compute.apply(key);
        }
        synchronized (map) {
            V value = map.get(key);
            if (value != null) {
                return value;
            }
        }
        V value = compute.apply(key);
        synchronized (map) {
            map.putIfAbsent(key, value);
        }
        return value;
    }

    /** The number of entries. */
    public int size() {
        synchronized (map) {
            return map.size();
        }
    }

    /** The maximum number of entries. */
    public int capacity() {
        return capacity;
    }
}
