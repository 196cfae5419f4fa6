package dev.retort.engine.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineUrl;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.Sql;
import dev.retort.engine.exc.DBAPIException;
import dev.retort.engine.exc.EngineException;
import dev.retort.engine.internal.NetworkTimeout;
import dev.retort.engine.testing.FaultProxy;
import dev.retort.engine.testing.PrivatePostgres;
import dev.retort.engine.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 4: no call outlives its deadline under a network partition. The partition is a {@link FaultProxy}
 * black hole between the engine and a private PostgreSQL cluster. The bounds asserted are the documented ones
 * (README, "Reliability") with a generous allowance for a loaded machine; each wait is itself bounded so a regression
 * fails instead of hanging.
 */
class DeadlineTest {

    private static final long SLACK_MILLIS = 2_500;
    private static PrivatePostgres cluster;

    @BeforeAll
    static void createCluster() {
        cluster = PrivatePostgres.create("retort_deadline", 5441);
    }

    @AfterAll
    static void dropCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Engine engineThrough(FaultProxy proxy, Duration poolTimeout, boolean prePing) {
        return Engine.builder("postgresql://postgres@127.0.0.1:" + proxy.port() + "/test").poolSize(1).maxOverflow(1)
                .poolTimeout(poolTimeout).poolPrePing(prePing).build();
    }

    /** Runs {@code work} on another thread and returns how long it took and what it threw (bounded by 30 s). */
    private static Outcome timed(Runnable work) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<Void> f = CompletableFuture.runAsync(work);
        Throwable error = null;
        try {
            f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            error = e.getCause();
        }
        return new Outcome(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), error);
    }

    record Outcome(long millis, Throwable error) {
    }

    @Test
    void aStatementWithATimeoutReturnsDuringAPartition() throws Exception {
        try (FaultProxy proxy = FaultProxy.to(cluster.port());
                Engine engine = engineThrough(proxy, Duration.ofSeconds(2), false);
                Connection c = engine.connect()) {
            assertThat(c.scalar(Sql.text("SELECT 1"))).isEqualTo(1);
            proxy.blackHole();
            try {
                Outcome outcome = timed(() -> c.execute(Sql.text("SELECT 2"), Map.of(),
                        ExecutionOptions.empty().withTimeout(Duration.ofSeconds(1))));
                assertThat(outcome.error()).isInstanceOfSatisfying(DBAPIException.class,
                        e -> assertThat(e.connectionInvalidated()).isTrue());
                assertThat(outcome.millis()).isLessThan(1_000 + NetworkTimeout.MARGIN_MILLIS + SLACK_MILLIS);
                assertThat(c.isInvalidated()).isTrue();
            } finally {
                proxy.heal();
            }
            c.rollback();
            assertThat(c.scalar(Sql.text("SELECT 3"))).isEqualTo(3);
        }
    }

    @Test
    void aStatementWithATimeoutReturnsDuringAPartitionOnMariadb() throws Exception {
        TestDatabase.MARIADB.requireAvailable();
        EngineUrl shared = EngineUrl.parse(TestDatabase.MARIADB.url());
        try (FaultProxy proxy = FaultProxy.to(shared.port() != null ? shared.port() : 3306);
                Engine engine = Engine.builder("mariadb://" + shared.username() + "@127.0.0.1:" + proxy.port() + "/"
                        + shared.database()).password(shared.password()).poolSize(1).maxOverflow(1).build();
                Connection c = engine.connect()) {
            assertThat(((Number) c.scalar(Sql.text("SELECT 1"))).intValue()).isEqualTo(1);
            proxy.blackHole();
            try {
                Outcome outcome = timed(() -> c.execute(Sql.text("SELECT 2"), Map.of(),
                        ExecutionOptions.empty().withTimeout(Duration.ofSeconds(1))));
                assertThat(outcome.error()).isInstanceOfSatisfying(DBAPIException.class,
                        e -> assertThat(e.connectionInvalidated()).isTrue());
                assertThat(outcome.millis()).isLessThan(1_000 + NetworkTimeout.MARGIN_MILLIS + SLACK_MILLIS);
            } finally {
                proxy.heal();
            }
            c.rollback();
            assertThat(((Number) c.scalar(Sql.text("SELECT 3"))).intValue()).isEqualTo(3);
        }
    }

    @Test
    void aStatementWithoutATimeoutKeepsNoNetworkTimeout() throws Exception {
        try (FaultProxy proxy = FaultProxy.to(cluster.port());
                Engine engine = engineThrough(proxy, Duration.ofSeconds(2), false);
                Connection c = engine.connect()) {
            c.execute(Sql.text("SELECT 1"), Map.of(), ExecutionOptions.empty().withTimeout(Duration.ofSeconds(1)));
            // a later statement without a timeout may run longer than the earlier one's bound
            assertThat(c.scalar(Sql.text("SELECT pg_sleep(3.5) IS NOT NULL"))).isEqualTo(true);
            assertThat(c.jdbcConnection().getNetworkTimeout()).isZero();
        }
    }

    @Test
    void aCheckoutNeverTakesLongerThanThePoolTimeoutDuringAPartition() throws Exception {
        try (FaultProxy proxy = FaultProxy.to(cluster.port());
                Engine engine = engineThrough(proxy, Duration.ofSeconds(2), true)) {
            try (Connection c = engine.connect()) {
                assertThat(c.scalar(Sql.text("SELECT 1"))).isEqualTo(1);
            }
            Thread.sleep(600); // past HikariCP's 500 ms window in which it trusts a returned connection
            proxy.blackHole();
            try {
                Outcome outcome = timed(() -> engine.connect().close());
                assertThat(outcome.error()).isInstanceOf(EngineException.class);
                assertThat(outcome.millis()).isLessThan(2_000 + 1_000 + SLACK_MILLIS);
            } finally {
                proxy.heal();
            }
            try (Connection c = engine.connect()) {
                assertThat(c.scalar(Sql.text("SELECT 4"))).isEqualTo(4);
            }
            assertThat(engine.pool().checkedOut()).isZero();
        }
    }
}
