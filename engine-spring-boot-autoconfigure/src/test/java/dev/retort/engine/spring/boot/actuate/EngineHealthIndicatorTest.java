package dev.retort.engine.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Sql;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class EngineHealthIndicatorTest {

    @Test
    void upOnH2WithDialectServerVersionAndPoolButNoCredentials() {
        try (Engine engine = Engine.create("jdbc:h2:mem:health_" + UUID.randomUUID() + ";USER=sa;PASSWORD=s3cret")) {
            Health health = new EngineHealthIndicator(engine, "main", Duration.ofSeconds(2)).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsOnlyKeys("dialect", "database", "pool")
                    .containsEntry("dialect", "h2");
            assertThat((String) health.getDetails().get("database")).startsWith("H2 2.4.240");
            assertThat(health.getDetails().get("pool")).isInstanceOf(Map.class);
            assertThat(pool(health)).containsOnlyKeys("active", "idle", "pending", "max")
                    .containsEntry("active", 0).containsEntry("pending", 0).containsEntry("max", 15);
            assertThat(health.toString()).doesNotContain("s3cret").doesNotContain("jdbc:");
        }
    }

    @Test
    void downWithinTheTimeoutWhenTheDatabaseIsGone() throws Exception {
        Server server = Server.createTcpServer("-tcpPort", String.valueOf(freePort()), "-ifNotExists").start();
        String url = "jdbc:h2:tcp://localhost:" + server.getPort() + "/mem:gone_" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1";
        try (Engine engine = Engine.builder(url).poolSize(1).maxOverflow(0).build()) {
            EngineHealthIndicator indicator = new EngineHealthIndicator(engine, "main", Duration.ofMillis(500));
            engine.withConnection(c -> c.execute(Sql.text("SELECT 1")).all());
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

            server.stop();

            for (int i = 0; i < 2; i++) {
                long start = System.nanoTime();
                Health health = indicator.health();
                long tookMillis = (System.nanoTime() - start) / 1_000_000;
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsKeys("dialect", "error", "pool").doesNotContainKey("database");
                assertThat(tookMillis).isLessThan(1500);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void downWithinTheTimeoutWhenThePoolIsExhaustedThenUpAgain() {
        try (Engine engine = Engine.builder("h2:mem:exhausted_" + UUID.randomUUID()).poolSize(1).maxOverflow(0)
                .poolTimeout(Duration.ofSeconds(5)).build()) {
            EngineHealthIndicator indicator = new EngineHealthIndicator(engine, "main", Duration.ofMillis(300));
            Health health;
            long tookMillis;
            try (Connection held = engine.connect()) {
                long start = System.nanoTime();
                health = indicator.health();
                tookMillis = (System.nanoTime() - start) / 1_000_000;
            }
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(tookMillis).isLessThan(1500);
            assertThat((String) health.getDetails().get("error")).contains("within 300 ms");
            assertThat(pool(health)).containsEntry("active", 1).containsEntry("max", 1);

            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pool(Health health) {
        return (Map<String, Object>) health.getDetails().get("pool");
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
