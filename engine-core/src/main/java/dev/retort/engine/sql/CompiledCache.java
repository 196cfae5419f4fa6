package dev.retort.engine.sql;

import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.internal.SqlFlavor;
import org.jspecify.annotations.Nullable;

/**
 * A bounded, thread-safe, least-recently-used cache of compiled statement structures, SQLAlchemy's
 * {@code compiled_cache}. Keys are a statement's structure (never its bind values), the dialect family, whether the
 * execution is an executemany, whether a schema translate map is in effect, and for INSERT/UPDATE the columns the
 * parameters add. Every execution that uses the cache counts exactly one hit or miss. Each engine has one
 * ({@code Engine.compiledCache()}); pass another with {@code ExecutionOptions.withCompiledCache(cache)}.
 */
public final class CompiledCache {

    private final int capacity;
    private final Entry[] buckets;
    private final Entry lru = new Entry(null, null, 0, 0, 0L, null, null); // sentinel: after = eldest
    private int size;
    private long hits;
    private long misses;

    /** A cache of at most {@code capacity} compiled statements (0: nothing is kept). */
    public CompiledCache(int capacity) {
        if (capacity < 0) {
            throw new ArgumentException("A compiled cache's capacity must be 0 or more, not " + capacity);
        }
        this.capacity = capacity;
        int n = 16;
        while (n < capacity * 4 / 3 + 1 && n < (1 << 20)) {
            n <<= 1;
        }
        this.buckets = new Entry[n];
        lru.before = lru;
        lru.after = lru;
    }

    /** The maximum number of entries. */
    public int capacity() {
        return capacity;
    }

    /** The number of entries. */
    public synchronized int size() {
        return size;
    }

    /** Executions that found their compiled statement here. */
    public synchronized long hits() {
        return hits;
    }

    /** Executions that compiled their statement and stored it here. */
    public synchronized long misses() {
        return misses;
    }

    /** Removes every entry (the counters stay). */
    public synchronized void clear() {
        java.util.Arrays.fill(buckets, null);
        lru.before = lru;
        lru.after = lru;
        size = 0;
    }

    /** Finds an entry and counts a hit, or counts a miss and returns {@code null}. */
    synchronized @Nullable Entry lookup(SqlFlavor flavor, Statement statement, int hash, int flags, long added) {
        for (Entry e = buckets[hash & (buckets.length - 1)]; e != null; e = e.next) {
            if (e.hash == hash && e.flavor == flavor && e.flags == flags && e.added == added
                    && e.key.getClass() == statement.getClass() && e.key.sameShape(statement)) {
                hits++;
                unlink(e);
                linkNewest(e);
                return e;
            }
        }
        misses++;
        return null;
    }

    /** Counts a hit found through a statement's memo. */
    synchronized void countHit() {
        hits++;
    }

    /** Stores a compiled structure, evicting the least recently used entry beyond the capacity. */
    synchronized Entry store(SqlFlavor flavor, Statement key, int hash, int flags, long added, Template template) {
        Entry e = new Entry(flavor, key, hash, flags, added, template, this);
        if (capacity == 0) {
            return e;
        }
        int b = hash & (buckets.length - 1);
        e.next = buckets[b];
        buckets[b] = e;
        linkNewest(e);
        if (++size > capacity) {
            remove(lru.after);
        }
        return e;
    }

    private void remove(Entry eldest) {
        unlink(eldest);
        int b = eldest.hash & (buckets.length - 1);
        Entry prev = null;
        for (Entry e = buckets[b]; e != null; prev = e, e = e.next) {
            if (e == eldest) {
                if (prev == null) {
                    buckets[b] = e.next;
                } else {
                    prev.next = e.next;
                }
                size--;
                return;
            }
        }
    }

    private void unlink(Entry e) {
        e.before.after = e.after;
        e.after.before = e.before;
    }

    private void linkNewest(Entry e) {
        e.before = lru.before;
        e.after = lru;
        lru.before.after = e;
        lru.before = e;
    }

    @Override
    public String toString() {
        return "CompiledCache[size=" + size() + ", capacity=" + capacity + ", hits=" + hits() + ", misses="
                + misses() + "]";
    }

    /** A cached structure; also the memo a statement keeps of its last execution. */
    static final class Entry {
        final SqlFlavor flavor;
        final Statement key;
        final int hash;
        final int flags;
        final long added;
        final Template template;
        final CompiledCache cache;
        @Nullable Entry next;
        Entry before;
        Entry after;

        Entry(SqlFlavor flavor, Statement key, int hash, int flags, long added, Template template,
                CompiledCache cache) {
            this.flavor = flavor;
            this.key = key;
            this.hash = hash;
            this.flags = flags;
            this.added = added;
            this.template = template;
            this.cache = cache;
        }
    }
}
