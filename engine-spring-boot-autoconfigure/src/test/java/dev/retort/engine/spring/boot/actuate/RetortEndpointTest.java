package dev.retort.engine.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Engine;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.Sql;
import dev.retort.engine.spring.boot.actuate.RetortEndpoint.CompiledCacheDescriptor;
import dev.retort.engine.spring.boot.actuate.RetortEndpoint.EngineDescriptor;
import dev.retort.engine.sql.CompiledCache;
import dev.retort.engine.sql.SchemaTranslateMap;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RetortEndpointTest {

    @Test
    void passwordsAndSecretParametersAreMasked() {
        try (Engine engine = Engine.create(
                "postgresql://scott:tiger@db.example:5432/test?sslpassword=pem-pass&api_token=t0k&sslmode=require")) {
            EngineDescriptor descriptor = RetortEndpoint.describe(engine);

            assertThat(descriptor.url()).isEqualTo(
                    "postgresql://scott:***@db.example:5432/test?sslpassword=***&api_token=***&sslmode=require");
            assertThat(descriptor.dialect()).isEqualTo("postgresql");
        }
    }

    @Test
    void readingAnUnusedEngineDoesNotStartItsPool() {
        try (Engine engine = Engine.builder("h2:mem:endpoint_" + UUID.randomUUID()).poolSize(3).maxOverflow(2)
                .poolTimeout(Duration.ofSeconds(7)).poolRecycle(Duration.ofMinutes(5)).poolPrePing(true)
                .poolListener(new dev.retort.engine.event.PoolListener() { }).build()) {
            EngineDescriptor unused = RetortEndpoint.describe(engine);

            assertThat(unused.pool()).isNotNull();
            assertThat(unused.pool().poolClass()).isEqualTo("queue");
            assertThat(unused.pool().size()).isEqualTo(3);
            assertThat(unused.pool().maxOverflow()).isEqualTo(2);
            assertThat(unused.pool().max()).isEqualTo(5);
            assertThat(unused.pool().timeoutMillis()).isEqualTo(7000L);
            assertThat(unused.pool().recycleMillis()).isEqualTo(300_000L);
            assertThat(unused.pool().prePing()).isTrue();
            assertThat(unused.pool().listeners()).singleElement().asString().startsWith(getClass().getName());
            assertThat(unused.pool().name()).isNull();
            assertThat(unused.defaultIsolationLevel()).isNull();
            assertThat(engine.pool().checkedIn() + engine.pool().checkedOut()).isZero();

            engine.withConnection(c -> c.execute(Sql.text("SELECT 1")).all());
            EngineDescriptor used = RetortEndpoint.describe(engine);
            assertThat(used.pool().timeoutMillis()).isEqualTo(7000L);
            assertThat(used.pool().name()).isEqualTo("retort-h2");
            assertThat(used.defaultIsolationLevel()).isEqualTo("READ COMMITTED");
        }
    }

    @Test
    void executionOptionsAndListenersAreShownAsPlainValues() {
        try (Engine engine = Engine.builder("h2:mem:endpoint_" + UUID.randomUUID())
                .executionOptions(ExecutionOptions.empty().withTimeout(Duration.ofSeconds(3)).withReadOnly(true)
                        .withSchemaTranslateMap(Map.of("a", "b")))
                .listener(new dev.retort.engine.event.ConnectionListener() { }).build()) {
            EngineDescriptor descriptor = new RetortEndpoint(() -> Map.of("main", engine)).engine("main");

            assertThat(descriptor).isNotNull();
            assertThat(descriptor.executionOptions()).containsEntry("readonly", true)
                    .containsEntry("schema_translate_map", Map.of("a", "b")).containsKey("timeout");
            assertThat(descriptor.listeners()).singleElement().asString().startsWith(getClass().getName());
            assertThat(new RetortEndpoint(() -> Map.of("main", engine)).engine("other")).isNull();
        }
    }

    @Test
    void theEnginesCompiledCacheIsShownWithItsCounters() {
        try (Engine engine = Engine.builder("h2:mem:endpoint_" + UUID.randomUUID()).queryCacheSize(50).build()) {
            engine.withConnection(c -> {
                for (int i = 0; i < 3; i++) {
                    c.execute(Sql.select(Sql.literalColumn("1"))).all();
                }
                c.execute(Sql.select(Sql.literalColumn("2"))).all();
                return null;
            });

            CompiledCacheDescriptor cache = RetortEndpoint.describe(engine).compiledCache();

            assertThat(cache).isEqualTo(new CompiledCacheDescriptor(true, true, 50, 2, 2, 2));
            assertThat(RetortEndpoint.describe(engine).schemaTranslateMap()).as("none set").isNull();
        }
    }

    @Test
    void aCacheGivenAsOptionOrSwitchedOffIsShownAsSuch() {
        CompiledCache own = new CompiledCache(7);
        try (Engine engine = Engine.builder("h2:mem:endpoint_" + UUID.randomUUID())
                .executionOptions(ExecutionOptions.empty().withCompiledCache(own)).build()) {
            engine.withConnection(c -> c.execute(Sql.select(Sql.literalColumn("1"))).all());

            assertThat(RetortEndpoint.describe(engine).compiledCache())
                    .isEqualTo(new CompiledCacheDescriptor(true, false, 7, 1, 0, 1));
        }
        try (Engine engine = Engine.builder("h2:mem:endpoint_" + UUID.randomUUID())
                .executionOptions(ExecutionOptions.empty().withCompiledCache(false)).build()) {
            engine.withConnection(c -> c.execute(Sql.select(Sql.literalColumn("1"))).all());

            assertThat(RetortEndpoint.describe(engine).compiledCache())
                    .isEqualTo(new CompiledCacheDescriptor(false, true, 500, 0, 0, 0));
        }
    }

    @Test
    void theSchemaTranslateMapIsShownWithTheDefaultSchemaAndUnqualifiedTargets() {
        try (Engine engine = Engine.builder("h2:mem:endpoint_" + UUID.randomUUID())
                .executionOptions(ExecutionOptions.empty().withSchemaTranslateMap(
                        SchemaTranslateMap.of(SchemaTranslateMap.DEFAULT, "tenant7", "audit", null)))
                .build()) {
            Map<String, String> expected = new java.util.LinkedHashMap<>();
            expected.put("", "tenant7");
            expected.put("audit", null);

            assertThat(RetortEndpoint.describe(engine).schemaTranslateMap()).containsExactlyEntriesOf(expected);
        }
    }
}
