package dev.retort.engine.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Engine;
import dev.retort.engine.Sql;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The engine's compiled-statement cache as Micrometer meters: gets by result, and size. */
class CompiledCacheMetricsTest {

    @Test
    void hitsMissesAndSizeFollowTheEnginesCache() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Engine engine = Engine.create("h2:mem:cachemetrics_" + UUID.randomUUID())) {
            CompiledCacheMetrics.bindTo(engine, "main", registry);
            engine.withConnection(c -> {
                for (int i = 0; i < 3; i++) {
                    c.execute(Sql.select(Sql.literalColumn("1"))).all();
                }
                return null;
            });
            assertThat(registry.get(CompiledCacheMetrics.GETS).tag("engine", "main").tag("result", "miss")
                    .functionCounter().count()).isEqualTo(1.0);
            assertThat(registry.get(CompiledCacheMetrics.GETS).tag("engine", "main").tag("result", "hit")
                    .functionCounter().count()).isEqualTo(2.0);
            assertThat(registry.get(CompiledCacheMetrics.SIZE).tag("engine", "main").gauge().value()).isEqualTo(1.0);
        }
    }
}
