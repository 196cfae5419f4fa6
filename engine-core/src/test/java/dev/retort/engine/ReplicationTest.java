package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.retort.engine.exc.ReadOnlyTransactionException;
import dev.retort.engine.pool.Replica;
import dev.retort.engine.testing.PrivatePostgres;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/**
 * Replica routing and failover against a real PostgreSQL primary and a streaming hot standby made for this class on
 * loopback ports 5450/5451 ({@link PrivatePostgres}). The standby is promoted by the last test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicationTest {

    private static final String PASSWORD = "s3cret-Repl1ca";
    private static final TextClause IN_RECOVERY = Sql.text("SELECT pg_is_in_recovery()");
    private static final TextClause COUNT = Sql.text("SELECT count(*) FROM ledger");
    private static final ExecutionOptions READ_ONLY = ExecutionOptions.empty().withReadOnly(true);

    private static PrivatePostgres primary;
    private static PrivatePostgres standby;
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    @BeforeAll
    static void createClusters() {
        primary = PrivatePostgres.create("retort_repl_primary", 5450);
        try {
            standby = primary.standby("retort_repl_standby", 5451);
        } catch (RuntimeException | Error e) {
            primary.close();
            throw e;
        }
        LOGS.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
        try (Engine setup = Engine.create(primary.url()); Connection c = setup.connect()) {
            c.execute(Sql.text("CREATE ROLE app LOGIN PASSWORD '" + PASSWORD + "'"));
            c.execute(Sql.text("CREATE TABLE ledger (id int PRIMARY KEY)"));
            c.execute(Sql.text("GRANT ALL ON ledger TO app"));
            c.commit();
        }
    }

    @AfterAll
    static void dropClusters() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
        try {
            if (standby != null) {
                standby.close();
            }
        } finally {
            if (primary != null) {
                primary.close();
            }
        }
    }

    private static String url(PrivatePostgres cluster, String query) {
        return "postgresql://app:" + PASSWORD + "@127.0.0.1:" + cluster.port() + "/test" + query;
    }

    /** Primary and standby; pre-ping, so a replica that went away is noticed at checkout and skipped. */
    private static Engine.Builder routed() {
        return Engine.builder(url(primary, "")).poolSize(1).maxOverflow(2).poolTimeout(Duration.ofSeconds(2))
                .poolPrePing(true).replicaRecheck(Duration.ofMillis(500)).replicas(url(standby, "?connectTimeout=2"));
    }

    /** Polls {@code condition} every 100 ms for at most {@code seconds}. */
    private static boolean eventually(int seconds, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.get();
    }

    @Test
    @Order(1)
    void readOnlyWorkLandsOnTheStandbyAndWritesOnThePrimary() throws Exception {
        try (Engine engine = routed().build()) {
            engine.useTransaction(c -> c.execute(Sql.text("INSERT INTO ledger VALUES (1)")));
            try (Connection c = engine.connect()) {
                assertThat(c.scalar(IN_RECOVERY)).isEqualTo(false);
            }
            Engine reader = engine.executionOptions(READ_ONLY);
            try (Connection c = reader.connect()) {
                assertThat(c.scalar(IN_RECOVERY)).isEqualTo(true);
                assertThatThrownBy(() -> c.execute(Sql.text("INSERT INTO ledger VALUES (2)")))
                        .isInstanceOf(ReadOnlyTransactionException.class).hasMessageContaining("read-only");
            }
            assertThat(eventually(10, () -> ((Number) reader.scalar(COUNT)).intValue() == 1)).isTrue();
            try (Connection c = engine.connect()) {
                c.execute(Sql.text("INSERT INTO ledger VALUES (2)"));
                assertThat(c.execute(COUNT, Map.of(), READ_ONLY).scalar()).isEqualTo(2L);
                assertThat(c.execute(IN_RECOVERY, Map.of(), READ_ONLY).scalar()).isEqualTo(false);
                c.commit();
            }
        }
    }

    @Test
    @Order(2)
    void aStoppedStandbyIsSkippedAndUsedAgainWhenItIsBack() throws Exception {
        try (Engine engine = routed().build()) {
            Engine reader = engine.executionOptions(READ_ONLY);
            assertThat(reader.scalar(IN_RECOVERY)).isEqualTo(true);
            Replica replica = engine.replicas().get(0);
            standby.stop();
            try {
                assertThat(reader.scalar(IN_RECOVERY)).isEqualTo(false); // served by the primary
                assertThat(replica.isAvailable()).isFalse();
                assertThat(replica.lastError()).isNotBlank().doesNotContain(PASSWORD);
            } finally {
                standby.start();
            }
            assertThat(eventually(15, () -> Boolean.TRUE.equals(reader.scalar(IN_RECOVERY)))).isTrue();
            assertThat(replica.isAvailable()).isTrue();
        }
    }

    @Test
    @Order(3)
    void afterPromotionAFailoverUrlReachesTheNewPrimaryWithEveryAcknowledgedCommit() throws Exception {
        try (Engine engine = Engine.builder("postgresql://app:" + PASSWORD + "@127.0.0.1:" + primary.port()
                + ",127.0.0.1:" + standby.port() + "/test?target_session_attrs=read-write&connectTimeout=2"
                + "&hostRecheckSeconds=1").poolSize(2).maxOverflow(2).poolPrePing(true)
                .poolTimeout(Duration.ofSeconds(5)).build()) {
            assertThat(engine.url().hosts()).hasSize(2);
            for (int id = 10; id < 20; id++) {
                int row = id;
                engine.useTransaction(c -> c.execute(Sql.text("INSERT INTO ledger VALUES (:id)"), Map.of("id", row)));
            }
            assertThat(engine.scalar(IN_RECOVERY)).isEqualTo(false);

            primary.stop();     // a clean (fast) stop hands every written WAL record to the connected standby
            standby.promote();

            engine.useTransaction(c -> c.execute(Sql.text("INSERT INTO ledger VALUES (20)")));
            assertThat(engine.scalar(Sql.text("SELECT inet_server_port()"))).isEqualTo(standby.port());
            assertThat(engine.scalar(IN_RECOVERY)).isEqualTo(false);
            assertThat(engine.scalar(Sql.text("SELECT count(*) FROM ledger WHERE id BETWEEN 10 AND 20")))
                    .isEqualTo(11L);
            assertThat(engine.toString()).doesNotContain(PASSWORD);
        }
    }

    @Test
    @Order(4)
    void noPasswordInAnyLogLine() {
        assertThat(LOGS.list).isNotEmpty();
        assertThat(LOGS.list).allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).doesNotContain(PASSWORD);
            if (e.getThrowableProxy() != null) {
                assertThat(e.getThrowableProxy().getMessage()).doesNotContain(PASSWORD);
            }
        });
    }
}
