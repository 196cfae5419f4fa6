package dev.retort.engine.spring.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Engine;
import dev.retort.engine.Sql;
import dev.retort.engine.TextClause;
import dev.retort.engine.spring.boot.actuate.EngineHealthIndicator;
import dev.retort.engine.spring.boot.actuate.RetortEndpoint;
import dev.retort.engine.testing.PrivatePostgres;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code @Transactional(readOnly = true)} against a real PostgreSQL primary and streaming hot standby (private
 * clusters on loopback ports 5452/5453): read-only transactions run on the standby, others on the primary, and a
 * stopped standby shows DOWN in health while the engine stays UP and reads go to the primary.
 */
class StandbyTransactionTest {

    private static final String PASSWORD = "s3cret-Spr1ng";
    private static final TextClause IN_RECOVERY = Sql.text("SELECT pg_is_in_recovery()");

    private static PrivatePostgres primary;
    private static PrivatePostgres standby;
    private static Engine engine;

    @BeforeAll
    static void createClusters() {
        primary = PrivatePostgres.create("retort_repl_spring_primary", 5452);
        try {
            standby = primary.standby("retort_repl_spring_standby", 5453);
        } catch (RuntimeException | Error e) {
            primary.close();
            throw e;
        }
        engine = Engine.builder("postgresql://postgres:" + PASSWORD + "@127.0.0.1:5452/test").poolSize(1)
                .poolPrePing(true).poolTimeout(Duration.ofSeconds(2)).replicaRecheck(Duration.ofMillis(500))
                .replicas("postgresql://127.0.0.1:5453/test?connectTimeout=2").build();
    }

    @AfterAll
    static void dropClusters() {
        try {
            if (engine != null) {
                engine.close();
            }
            if (standby != null) {
                standby.close();
            }
        } finally {
            if (primary != null) {
                primary.close();
            }
        }
    }

    private static Object inTransaction(boolean readOnly) {
        TransactionTemplate template = new TransactionTemplate(new EngineTransactionManager(engine));
        template.setReadOnly(readOnly);
        return template.execute(status -> engine.withConnection(c -> c.scalar(IN_RECOVERY)));
    }

    @Test
    void readOnlyTransactionsRunOnTheStandbyAndAStoppedStandbyIsSkippedAndShownDown() {
        assertThat(inTransaction(true)).isEqualTo(true);
        assertThat(inTransaction(false)).isEqualTo(false);
        EngineHealthIndicator health = new EngineHealthIndicator(engine, "main", Duration.ofSeconds(3));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        standby.stop();
        try {
            assertThat(inTransaction(true)).isEqualTo(false); // the primary serves while the standby is down
            Health down = health.health();
            assertThat(down.getStatus()).isEqualTo(Status.UP);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> replicas = (Map<String, Map<String, Object>>) down.getDetails()
                    .get("replicas");
            assertThat(replicas.get("127.0.0.1:5453")).containsEntry("status", "DOWN").containsEntry("routed", false);
            String shown = down + " " + new RetortEndpoint(() -> Map.of("main", engine)).engine("main");
            assertThat(shown).doesNotContain(PASSWORD).contains("127.0.0.1:5452").contains("127.0.0.1:5453");
        } finally {
            standby.start();
        }
    }
}
