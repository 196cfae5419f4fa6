package dev.retort.engine.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Engine;
import dev.retort.engine.Sql;
import dev.retort.engine.spring.boot.autoconfigure.RetortDataSourceAutoConfiguration;
import dev.retort.engine.spring.boot.autoconfigure.RetortEngineAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The engine's own pool, being the application's DataSource, has HikariCP's pool meters once. */
class EnginePoolMetricsTest {

    @Test
    void theEnginesPoolHasItsHikariMetersOnce() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                RetortDataSourceAutoConfiguration.class, RetortEngineAutoConfiguration.class,
                DataSourceAutoConfiguration.class, DataSourcePoolMetricsAutoConfiguration.class,
                RetortMetricsAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("retort.engine.url=h2:mem:meters_" + UUID.randomUUID(),
                        "retort.engine.logging-name=orders")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(Engine.class).scalar(Sql.text("SELECT 1"));
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.find("hikaricp.connections.max").gauges()).singleElement()
                            .satisfies(g -> assertThat(g.getId().getTag("pool")).isEqualTo("retort-orders"));
                    assertThat(registry.find("retort.statements").timers()).isNotEmpty();
                });
    }
}
