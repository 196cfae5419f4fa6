package dev.retort.engine.spring.boot.actuate;

import dev.retort.engine.Engine;
import dev.retort.engine.sql.CompiledCache;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Micrometer meters of an engine's compiled-statement cache ({@link Engine#compiledCache()}), tagged
 * {@code engine=<name>}, named like Micrometer's own cache meters ({@code CacheMeterBinder}) so that cache dashboards
 * work unchanged:
 * <ul>
 * <li>{@value #GETS} function counter, tag {@code result} = {@code hit} or {@code miss}: executions that found their
 * compiled statement in the cache, and those that compiled it (the hit ratio is one query over one meter name);</li>
 * <li>{@value #SIZE} gauge: compiled statements held now (at most the capacity, {@code queryCacheSize}).</li>
 * </ul>
 * The meters read the cache's own counters when scraped; nothing is added to the execution path.
 */
public final class CompiledCacheMetrics {

    /** Function counter of cache lookups, tagged {@code result=hit|miss}. */
    public static final String GETS = "retort.cache.gets";
    /** Gauge of cached compiled statements. */
    public static final String SIZE = "retort.cache.size";

    private CompiledCacheMetrics() {
    }

    /** Registers the meters of {@code engine}'s compiled cache under {@code engineName}. */
    public static void bindTo(Engine engine, String engineName, MeterRegistry registry) {
        CompiledCache cache = engine.compiledCache();
        Tags tags = Tags.of("engine", engineName);
        FunctionCounter.builder(GETS, cache, CompiledCache::hits).description("Compiled-statement cache lookups")
                .tags(tags).tag("result", "hit").register(registry);
        FunctionCounter.builder(GETS, cache, CompiledCache::misses).description("Compiled-statement cache lookups")
                .tags(tags).tag("result", "miss").register(registry);
        Gauge.builder(SIZE, cache, CompiledCache::size).description("Compiled statements in the cache").tags(tags)
                .register(registry);
    }
}
