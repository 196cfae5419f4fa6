package dev.retort.engine.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Engine;
import dev.retort.engine.TextClause;
import dev.retort.engine.pool.Replica;
import dev.retort.engine.spring.boot.actuate.EngineHealthIndicator;
import dev.retort.engine.spring.boot.actuate.RetortEndpoint;
import java.time.Duration;
import dev.retort.engine.testing.WhoAmI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code retort.engine.replicas[n]} and {@code retort.engines.<name>.replicas[n]}. */
class ReplicaPropertiesTest {

    private static final TextClause WHERE = WhoAmI.QUERY;

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(RetortDataSourceAutoConfiguration.class, RetortEngineAutoConfiguration.class,
                    DataSourceAutoConfiguration.class, TransactionManagerCustomizationAutoConfiguration.class,
                    TransactionAutoConfiguration.class));


    @Test
    void replicasFromPropertiesServeReadOnlyTransactions() {
        runner.withPropertyValues("retort.engine.url=" + WhoAmI.h2("primary"),
                "retort.engine.replicas[0].url=" + WhoAmI.h2("replica"), "retort.engine.replica-fallback=fail",
                "retort.engine.replica-recheck=2s").run(context -> {
                    Engine engine = context.getBean(Engine.class);
                    assertThat(engine.replicas()).hasSize(1);
                    TransactionTemplate template = new TransactionTemplate(
                            context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
                    template.setReadOnly(true);
                    Object reader = template.execute(s -> engine.withConnection(c -> c.scalar(WHERE)));
                    assertThat(reader).isEqualTo("replica");
                    template.setReadOnly(false);
                    Object writer = template.execute(s -> engine.withConnection(c -> c.scalar(WHERE)));
                    assertThat(writer).isEqualTo("primary");
                });
    }

    @Test
    void namedEnginesTakeReplicasToo() {
        runner.withPropertyValues("retort.engines.orders.url=" + WhoAmI.h2("primary"),
                "retort.engines.orders.primary=true",
                "retort.engines.orders.replicas[0].url=" + WhoAmI.h2("replica")).run(context -> {
                    Engine engine = context.getBean("ordersEngine", Engine.class);
                    assertThat(engine.replicas()).extracting(Replica::isAvailable).containsExactly(true);
                });
    }

    @Test
    void theEndpointAndHealthShowEveryHostAndReplicaWithoutPasswords() {
        try (Engine engine = Engine.builder("postgresql://app:s3cret@127.0.0.1:5459,127.0.0.1:5458/db"
                + "?target_session_attrs=read-write&connectTimeout=1").poolTimeout(Duration.ofMillis(500))
                .replicas("postgresql://reader:r3plica@127.0.0.1:5457/db?connectTimeout=1").build()) {
            RetortEndpoint.EngineDescriptor descriptor = new RetortEndpoint(() -> Map.of("main", engine))
                    .engine("main");
            assertThat(descriptor.hosts()).containsExactly("127.0.0.1:5459", "127.0.0.1:5458");
            assertThat(descriptor.replicas()).singleElement().satisfies(r -> {
                assertThat(r.hosts()).containsExactly("127.0.0.1:5457");
                assertThat(r.url()).contains("reader:***@").doesNotContain("r3plica");
            });
            assertThat(descriptor.toString()).doesNotContain("s3cret").doesNotContain("r3plica");

            Health health = new EngineHealthIndicator(engine, "main", Duration.ofSeconds(3)).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> replicas = (Map<String, Map<String, Object>>) health.getDetails()
                    .get("replicas");
            assertThat(replicas).containsOnlyKeys("127.0.0.1:5457");
            assertThat(replicas.get("127.0.0.1:5457")).containsEntry("status", "DOWN").containsKeys("error", "pool");
            assertThat(health.toString()).doesNotContain("s3cret").doesNotContain("r3plica");
        }
    }

    @Test
    void aReplicaWithoutAUrlOrWithABadOneFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("retort.engine.url=" + WhoAmI.h2("primary"), "retort.engine.replicas[0].username=x")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOfSatisfying(InvalidEngineConfigurationException.class, e -> assertThat(
                                e.getProperty()).isEqualTo("retort.engine.replicas[0].url")));
        runner.withPropertyValues("retort.engine.url=" + WhoAmI.h2("primary"),
                "retort.engine.replicas[0].url=postgresql://u:hunter2@h:port/db")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("port 'port' is not a number").hasMessageNotContaining("hunter2")
                        .isInstanceOfSatisfying(InvalidEngineConfigurationException.class, e -> assertThat(
                                e.getProperty()).isEqualTo("retort.engine.replicas[0].url")));
    }
}
