package dev.retort.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded, thread-safe, approximately least-recently-used cache keyed by SQL text (SQLAlchemy's {@code LRUCache}
 * idea). A hit takes no lock: it reads a {@link ConcurrentHashMap} and stamps the entry with the recency clock. Only an
 * insert that takes the cache over its capacity takes a lock, to evict the least recently used quarter at once, so
 * the cost of eviction is spread over many misses. Size 0 disables it.
 *
 * @param <V> the cached value
 */
public final class LruCache<V> {

    private final int capacity;
    private final int pruneTo;
    private final ConcurrentHashMap<String, Entry<V>> map;
    private final Object pruneLock = new Object();
    /**
     * The recency clock: advanced by each insert, read by each hit, so a hit writes nothing shared unless an insert
     * happened since the entry's last use. Racy updates only make the order approximate.
     */
    private volatile long clock;

    /** Creates a cache holding at most {@code capacity} entries. */
    public LruCache(int capacity) {
        this.capacity = capacity;
        this.pruneTo = capacity - capacity / 4;
        this.map = new ConcurrentHashMap<>(Math.min(capacity, 64) * 2);
    }

    private static final class Entry<V> {
        final V value;
        volatile long lastUse;

        Entry(V value, long lastUse) {
            this.value = value;
            this.lastUse = lastUse;
        }
    }

    /** Returns the cached value for {@code key}, computing and storing it when absent. */
    public V get(String key, Function<String, V> compute) {
        if (capacity == 0) {
            return compute.apply(key);
        }
        long use = clock;
        Entry<V> entry = map.get(key);
        if (entry != null) {
            if (entry.lastUse != use) {
                entry.lastUse = use;
            }
            return entry.value;
        }
        V value = compute.apply(key);
        clock = use + 1;
        Entry<V> previous = map.putIfAbsent(key, new Entry<>(value, use + 1));
        if (previous != null) {
            return previous.value;
        }
        if (map.size() > capacity) {
            prune();
        }
        return value;
    }

    /** Evicts the least recently used entries down to three quarters of the capacity. */
    private void prune() {
        synchronized (pruneLock) {
            int excess = map.size() - pruneTo;
            if (map.size() <= capacity || excess <= 0) {
                return;
            }
            List<Map.Entry<String, Entry<V>>> entries = new ArrayList<>(map.entrySet());
            entries.sort((a, b) -> Long.compare(a.getValue().lastUse, b.getValue().lastUse));
            for (int i = 0; i < excess && i < entries.size(); i++) {
                map.remove(entries.get(i).getKey(), entries.get(i).getValue());
            }
        }
    }

    /** The number of entries. */
    public int size() {
        return map.size();
    }

    /** The maximum number of entries. */
    public int capacity() {
        return capacity;
    }
}
