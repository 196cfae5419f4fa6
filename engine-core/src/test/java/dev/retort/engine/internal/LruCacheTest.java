package dev.retort.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LruCacheTest {

    @Test
    void aHitReturnsTheCachedValueWithoutComputing() {
        LruCache<String> cache = new LruCache<>(10);
        AtomicInteger computed = new AtomicInteger();
        assertThat(cache.get("a", k -> k + computed.incrementAndGet())).isEqualTo("a1");
        assertThat(cache.get("a", k -> k + computed.incrementAndGet())).isEqualTo("a1");
        assertThat(computed).hasValue(1);
    }

    @Test
    void overCapacityTheLeastRecentlyUsedGoFirst() {
        LruCache<String> cache = new LruCache<>(8);
        for (int i = 0; i < 8; i++) {
            cache.get("k" + i, k -> k);
        }
        cache.get("k0", k -> "recomputed"); // k0 is now the most recently used
        cache.get("k8", k -> k);
        assertThat(cache.size()).isLessThanOrEqualTo(8);
        assertThat(cache.get("k0", k -> "recomputed")).isEqualTo("k0");
        assertThat(cache.get("k1", k -> "recomputed")).isEqualTo("recomputed");
    }

    @Test
    void staysBoundedUnderConcurrentMisses() throws Exception {
        LruCache<String> cache = new LruCache<>(100);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        String key = "k" + (i * 4 + thread) % 700;
                        assertThat(cache.get(key, k -> k)).isEqualTo(key);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void capacityZeroCachesNothing() {
        LruCache<String> cache = new LruCache<>(0);
        assertThat(cache.get("a", k -> "v")).isEqualTo("v");
        assertThat(cache.size()).isZero();
    }
}
