package dev.retort.engine.sql;

import static dev.retort.engine.Sql.insert;
import static dev.retort.engine.Sql.select;
import static dev.retort.engine.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.event.ConnectionListener;
import dev.retort.engine.event.CursorEvent;
import dev.retort.engine.event.ExecuteEvent;
import dev.retort.engine.schema.Column;
import dev.retort.engine.schema.MetaData;
import dev.retort.engine.schema.Table;
import dev.retort.engine.schema.Types;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One compile per statement structure, counted hits and misses, the compiled_cache option, schema translation. */
class CompiledCacheTest {

    private final SampleTables t = new SampleTables();

    private Engine h2(String name) {
        Engine engine = Engine.create("h2:mem:" + name);
        t.metadata.createAll(engine);
        return engine;
    }

    @Test
    void equalStructuresCompileOnceWhateverTheirValues() {
        try (Engine engine = h2("cache1"); Connection c = engine.connect()) {
            CompiledCache cache = engine.compiledCache();
            assertThat(cache.capacity()).isEqualTo(500);
            long misses = cache.misses();
            long hits = cache.hits();
            for (int i = 0; i < 5; i++) {
                c.execute(select(t.users).where(t.users.id.eq(i), t.users.name.in(List.of("a", "b", "c").subList(0,
                        i % 3 + 1))).limit(i + 1));
            }
            assertThat(cache.misses() - misses).isEqualTo(1);
            assertThat(cache.hits() - hits).isEqualTo(4);
            SampleTables equal = new SampleTables(); // equal tables share entries
            c.execute(select(equal.users).where(equal.users.id.eq(9), equal.users.name.in(List.of("x"))).limit(2));
            assertThat(cache.hits() - hits).isEqualTo(5);
            Select same = select(t.users.id);
            c.execute(same);
            c.execute(same); // the statement's memo counts a hit
            assertThat(cache.misses() - misses).isEqualTo(2);
            assertThat(cache.hits() - hits).isEqualTo(6);
            assertThat(cache.size()).isLessThanOrEqualTo(cache.capacity()).isGreaterThanOrEqualTo(2);
            t.users.select().compile(engine); // compile() touches no cache
            assertThat(cache.misses() - misses).isEqualTo(2);
        }
    }

    @Test
    void insertParametersAddingColumnsAreKeyedSeparately() {
        try (Engine engine = h2("cache2"); Connection c = engine.connect()) {
            CompiledCache cache = engine.compiledCache();
            long misses = cache.misses();
            c.execute(t.users.insert(), Map.of("name", "a"));
            c.execute(t.users.insert(), Map.of("name", "b"));
            c.execute(t.users.insert(), Map.of("name", "c", "email", "e"));
            c.execute(t.users.insert(), List.of(Map.of("name", "d"), Map.of("name", "e")));
            assertThat(cache.misses() - misses).isEqualTo(3);
            assertThat(c.execute(select(t.users.name).orderBy(t.users.id)).scalars().all())
                    .containsExactly("a", "b", "c", "d", "e");
        }
    }

    @Test
    void parametersAddColumnsBeyondTheSixtyFourthOfAWideTable() {
        MetaData m = new MetaData();
        Column<?>[] columns = new Column<?>[70];
        columns[0] = Column.of("id", Types.INTEGER).primaryKey();
        for (int i = 1; i < columns.length; i++) {
            columns[i] = Column.of("c" + i, Types.INTEGER);
        }
        Table wide = new Table("wide", m, columns);
        try (Engine engine = Engine.create("h2:mem:cache-wide"); Connection c = engine.connect()) {
            m.createAll(engine);
            CompiledCache cache = engine.compiledCache();
            long misses = cache.misses();
            c.execute(wide.insert(), Map.of("id", 1, "c65", 65));
            c.execute(wide.insert(), Map.of("id", 2, "c66", 66));
            c.execute(wide.insert(), Map.of("id", 3, "c65", 650));
            assertThat(cache.misses() - misses).isEqualTo(2);
            c.execute(update(wide).where(wide.c("id").eq(2)), Map.of("c69", 69));
            assertThat(c.execute(select(wide.c("c65"), wide.c("c66"), wide.c("c69")).orderBy(wide.c("id"))).all())
                    .extracting(r -> r.toList()).containsExactly(java.util.Arrays.asList(65, null, null),
                            java.util.Arrays.asList(null, 66, 69), java.util.Arrays.asList(650, null, null));
        }
    }

    @Test
    void compiledCacheOptionChoosesTheCacheOrNone() {
        try (Engine engine = h2("cache3"); Connection c = engine.connect()) {
            CompiledCache engineCache = engine.compiledCache();
            long engineCount = engineCache.hits() + engineCache.misses();
            c.execute(select(t.users).executionOptions(ExecutionOptions.empty().withCompiledCache(false)));
            c.execute(select(t.users), Map.of(), ExecutionOptions.empty().withCompiledCache((CompiledCache) null));
            CompiledCache own = new CompiledCache(2);
            Select s = select(t.users.name).executionOptions(ExecutionOptions.empty().withCompiledCache(own));
            c.execute(s);
            c.execute(select(t.users.name).executionOptions(ExecutionOptions.empty().withCompiledCache(own)));
            c.execute(select(t.users.id).executionOptions(ExecutionOptions.empty().withCompiledCache(own)));
            c.execute(select(t.users.email).executionOptions(ExecutionOptions.empty().withCompiledCache(own)));
            assertThat(engineCache.hits() + engineCache.misses()).isEqualTo(engineCount);
            assertThat(own.misses()).isEqualTo(3);
            assertThat(own.hits()).isEqualTo(1);
            assertThat(own.size()).isEqualTo(2);
            own.clear();
            assertThat(own.size()).isZero();
        }
        try (Engine disabled = Engine.builder("h2:mem:cache4").queryCacheSize(0).build()) {
            t.metadata.createAll(disabled);
            disabled.withConnection(c -> c.execute(select(t.users)).all());
            assertThat(disabled.compiledCache().capacity()).isZero();
            assertThat(disabled.compiledCache().misses() + disabled.compiledCache().hits()).isZero();
        }
    }

    @Test
    void concurrentExecutionsShareOneSmallCacheAndKeepTheirOwnValues() throws Exception {
        int threads = 4;
        int rounds = 150;
        int shapes = 6;
        CompiledCache cache = new CompiledCache(3); // fewer entries than shapes: evictions race with lookups
        try (Engine engine = Engine.builder("h2:mem:cache-concurrent").poolSize(threads)
                .executionOptions(ExecutionOptions.empty().withCompiledCache(cache)).build()) {
            t.metadata.createAll(engine);
            try (Connection c = engine.begin()) {
                for (int id = 1; id <= 10 + threads; id++) {
                    c.execute(insert(t.users).values(t.users.id, id).values(t.users.name, "n" + id));
                }
                c.commit();
            }
            long before = cache.hits() + cache.misses();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (int w = 0; w < threads; w++) {
                    int worker = w;
                    done.add(pool.submit(() -> executeShapes(engine, worker, rounds, shapes)));
                }
                int executions = 0;
                for (Future<Integer> f : done) {
                    executions += f.get(60, TimeUnit.SECONDS);
                }
                assertThat(cache.hits() + cache.misses() - before).isEqualTo(executions);
                assertThat(cache.misses()).isGreaterThanOrEqualTo(shapes + 1);
                assertThat(cache.hits()).isPositive();
                assertThat(cache.size()).isEqualTo(cache.capacity());
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    /** Runs {@code rounds} executions of varying shape and values, checking every answer; returns the count. */
    private int executeShapes(Engine engine, int worker, int rounds, int shapes) {
        int own = 11 + worker;
        int executions = 0;
        try (Connection c = engine.connect()) {
            for (int i = 0; i < rounds; i++) {
                int id = 1 + (i * 7 + worker) % 10;
                Select s = select(t.users.name).where(t.users.id.eq(id));
                for (int k = 0; k < (i + worker) % shapes; k++) {
                    s = s.where(t.users.id.lt(id + 1 + k));
                }
                assertThat(c.execute(s).scalar()).isEqualTo("n" + id);
                String status = "w" + worker + "r" + i;
                c.execute(update(t.users).where(t.users.id.eq(own)).values(t.users.status, status));
                assertThat(c.execute(select(t.users.status).where(t.users.id.eq(own))).scalar()).isEqualTo(status);
                executions += 3;
            }
            c.commit();
        }
        return executions;
    }

    @Test
    void theCacheKeepsNoLiteralValues() {
        CompiledCache cache = new CompiledCache(10); // a mock engine: no driver that could keep the value
        try (Engine mock = Engine.mock(sql -> { }, "postgresql"); Connection c = mock.connect()) {
            String literal = new String("kept-only-by-the-statement");
            WeakReference<String> ref = new WeakReference<>(literal);
            c.execute(select(t.users).where(t.users.name.eq(literal)).executionOptions(ExecutionOptions.empty()
                    .withCompiledCache(cache)));
            literal = null;
            for (int i = 0; i < 50 && ref.get() != null; i++) {
                System.gc();
            }
            assertThat(ref.get()).isNull();
            assertThat(cache.size()).isEqualTo(1);
        }
    }

    @Test
    void schemaTranslateMapAppliesAtExecutionAndSharesTheCompiledForm() {
        MetaData m = new MetaData();
        Table t1 = new Table("t1", m, Column.of("q", Types.INTEGER));
        List<String> sql = new ArrayList<>();
        try (Engine mock = Engine.mock(sql::add, "postgresql")) {
            mock.withConnection(c -> {
                c.executionOptions(ExecutionOptions.empty().withSchemaTranslateMap(SchemaTranslateMap.of(
                        SchemaTranslateMap.DEFAULT, "z")));
                return c.execute(select(t1));
            });
        }
        assertThat(sql).containsExactly("SELECT z.t1.q FROM z.t1");
        try (Engine engine = Engine.create("h2:mem:cache6"); Connection c = engine.connect()) {
            c.execDriverSql("CREATE SCHEMA a");
            c.execDriverSql("CREATE SCHEMA b");
            c.execDriverSql("CREATE TABLE a.t1 (q INTEGER)");
            c.execDriverSql("CREATE TABLE b.t1 (q INTEGER)");
            c.execDriverSql("INSERT INTO a.t1 VALUES (1)");
            c.execDriverSql("INSERT INTO b.t1 VALUES (2)");
            CompiledCache cache = engine.compiledCache();
            long misses = cache.misses();
            Object a = c.execute(select(t1), Map.of(), ExecutionOptions.empty().withSchemaTranslateMap(
                    SchemaTranslateMap.of(SchemaTranslateMap.DEFAULT, "a"))).scalar();
            Object b = c.execute(select(t1), Map.of(), ExecutionOptions.empty().withSchemaTranslateMap(
                    Map.of("", "b"))).scalar();
            assertThat(List.of(a, b)).containsExactly(1, 2);
            assertThat(cache.misses() - misses).isEqualTo(1);
        }
    }

    @Test
    void listenersSeeTheStatementAndTheCompiledSql() {
        List<String> seen = new ArrayList<>();
        try (Engine engine = h2("cache7")) {
            engine.addListener(new ConnectionListener() {
                @Override
                public void beforeExecute(ExecuteEvent e) {
                    seen.add("statement " + e.statement().getClass().getSimpleName());
                }

                @Override
                public void beforeCursorExecute(CursorEvent e) {
                    seen.add("cursor " + e.sql() + " " + (e.executemany() ? e.batch() : e.parameters()));
                }
            });
            engine.withConnection(c -> c.execute(insert(t.users), List.of(Map.of("name", "a"), Map.of("name", "b"))));
        }
        assertThat(seen).containsExactly("statement Insert",
                "cursor INSERT INTO users (name) VALUES (?) [[a], [b]]");
    }

    @Test
    void mockEnginesPrintCompiledSql() {
        List<String> sql = new ArrayList<>();
        try (Engine mock = Engine.mock(sql::add, "postgresql")) {
            mock.withConnection(c -> c.execute(select(t.users.id, t.users.name).where(t.users.id.eq(5))));
        }
        assertThat(sql).containsExactly("SELECT users.id, users.name FROM users WHERE users.id = ?");
    }
}
