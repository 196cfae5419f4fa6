package dev.retort.engine.sql;

import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.internal.SqlFlavor;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * A bounded, thread-safe cache of compiled statement structures, SQLAlchemy's {@code compiled_cache}. Keys are a
 * statement's structure (never its bind values), the dialect family, whether the execution is an executemany, whether
 * a schema translate map is in effect, and for INSERT/UPDATE the columns the parameters add. Every execution that uses
 * the cache counts exactly one hit or miss. Each engine has one ({@code Engine.compiledCache()}); pass another with
 * {@code ExecutionOptions.withCompiledCache(cache)}.
 *
 * <p>Lookups take no lock and allocate nothing: they compare the statement's structure with the stored keys in place.
 * Only storing (after a miss compiled the statement) and {@link #clear()} lock. Beyond the capacity the least recently
 * used entry goes, approximately: the "clock" policy passes over entries used since the last eviction.
 */
public final class CompiledCache {

    private final int capacity;
    /** Hash chains; writers link and unlink entries atomically, so readers need no lock. */
    private final AtomicReferenceArray<@Nullable Entry> buckets;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    /** The stored entries in the order the clock hand passes them (guarded by {@code this}). */
    private Entry[] ring = new Entry[0];
    private volatile int size;
    private int hand;

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
        this.buckets = new AtomicReferenceArray<>(n);
    }

    /** The maximum number of entries. */
    public int capacity() {
        return capacity;
    }

    /** The number of entries. */
    public int size() {
        return size;
    }

    /** Executions that found their compiled statement here. */
    public long hits() {
        return hits.sum();
    }

    /** Executions that compiled their statement and stored it here. */
    public long misses() {
        return misses.sum();
    }

    /** Removes every entry (the counters stay). */
    public synchronized void clear() {
        for (int i = 0; i < buckets.length(); i++) {
            buckets.set(i, null);
        }
        Arrays.fill(ring, null);
        size = 0;
        hand = 0;
    }

    /** Finds an entry and counts a hit, or counts a miss and returns {@code null}. Lock- and allocation-free. */
    @Nullable Entry lookup(SqlFlavor flavor, Statement statement, int hash, int flags, long added,
            long @Nullable [] wide) {
        Entry e = find(buckets.get(hash & (buckets.length() - 1)), flavor, statement, hash, flags, added, wide);
        if (e == null) {
            misses.increment();
            return null;
        }
        hit(e);
        return e;
    }

    private static @Nullable Entry find(@Nullable Entry chain, SqlFlavor flavor, Statement statement, int hash,
            int flags, long added, long @Nullable [] wide) {
        for (Entry e = chain; e != null; e = e.next) {
            if (e.hash == hash && e.flavor == flavor && e.flags == flags && e.added == added
                    && Arrays.equals(e.wide, wide) && e.key.getClass() == statement.getClass()
                    && e.key.sameShape(statement)) {
                return e;
            }
        }
        return null;
    }

    /** Counts a hit on {@code e} (found here or through a statement's memo) and marks it used. */
    void hit(Entry e) {
        hits.increment();
        if (!e.used) {
            e.used = true; // a benign race: only steers eviction
        }
    }

    /**
     * Stores a compiled structure, evicting an entry beyond the capacity, and returns the stored entry: an equal one
     * another thread stored meanwhile wins.
     */
    synchronized Entry store(SqlFlavor flavor, Statement key, int hash, int flags, long added,
            long @Nullable [] wide, Template template) {
        Entry created = new Entry(flavor, key, hash, flags, added, wide, template, this, null);
        if (capacity == 0) {
            return created;
        }
        int b = hash & (buckets.length() - 1);
        Entry existing = find(buckets.get(b), flavor, key, hash, flags, added, wide);
        if (existing != null) {
            return existing;
        }
        Entry e = new Entry(flavor, key, hash, flags, added, wide, template, this, buckets.get(b));
        if (size < capacity) {
            if (size == ring.length) {
                ring = Arrays.copyOf(ring, Math.min(capacity, Math.max(16, size * 2)));
            }
            ring[size] = e;
            size++;
        } else {
            ring[evict()] = e;
        }
        buckets.set(b, e);
        return e;
    }

    /** Removes the entry the clock hand stops at (the first not used since it last passed) and returns its slot. */
    private int evict() {
        while (ring[hand].used) {
            ring[hand].used = false;
            hand = (hand + 1) % size;
        }
        int slot = hand;
        Entry victim = ring[slot];
        hand = (hand + 1) % size;
        int b = victim.hash & (buckets.length() - 1);
        Entry head = buckets.get(b);
        if (head == victim) {
            buckets.set(b, victim.next);
        } else {
            for (Entry e = head; e != null; e = e.next) {
                if (e.next == victim) {
                    e.next = victim.next; // a reader standing on the victim still reaches the rest of the chain
                    break;
                }
            }
        }
        return slot;
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
        /** The columns parameters add, positions 0-63 ... */
        final long added;
        /** ... and beyond (for tables of more than 64 columns), or {@code null}. */
        final long @Nullable [] wide;
        final Template template;
        final CompiledCache cache;
        volatile @Nullable Entry next;
        /** Whether it was used since the clock hand last passed. */
        boolean used;

        Entry(SqlFlavor flavor, Statement key, int hash, int flags, long added, long @Nullable [] wide,
                Template template, CompiledCache cache, @Nullable Entry next) {
            this.flavor = flavor;
            this.key = key;
            this.hash = hash;
            this.flags = flags;
            this.added = added;
            this.wide = wide;
            this.template = template;
            this.cache = cache;
            this.next = next;
        }
    }
}
