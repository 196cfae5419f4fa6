package dev.retort.engine.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Sql;
import dev.retort.engine.exc.DBAPIException;
import dev.retort.engine.testing.FaultProxy;
import dev.retort.engine.testing.PrivatePostgres;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fault-injection tools themselves: a private cluster that stops and restarts, a proxy that cuts and holds. */
class FaultToolsTest {

    private static PrivatePostgres cluster;

    @BeforeAll
    static void createCluster() {
        cluster = PrivatePostgres.create("retort_tools", 5440);
    }

    @AfterAll
    static void dropCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theClusterHasATestDatabaseTwoPhaseAndRestarts() {
        try (Engine engine = Engine.builder(cluster.url()).poolSize(1).maxOverflow(0).poolPrePing(true).build()) {
            try (Connection c = engine.connect()) {
                assertThat(c.execDriverSql("SHOW max_prepared_transactions").scalar()).isEqualTo("10");
                assertThat(c.execDriverSql("SELECT current_database()").scalar()).isEqualTo("test");
            }
            cluster.restart();
            try (Connection c = engine.connect()) {
                assertThat(c.execDriverSql("SELECT 1").scalar()).isEqualTo(1);
            }
        }
    }

    @Test
    void aServerRestartMidTransactionInvalidatesAndTheEngineRecovers() {
        try (Engine engine = Engine.builder(cluster.url()).poolSize(2).maxOverflow(0).build();
                Connection c = engine.connect()) {
            c.execDriverSql("CREATE TABLE IF NOT EXISTS restart_items (id INT PRIMARY KEY)");
            c.commit();
            try (Connection idle = engine.connect()) {
                idle.scalar(Sql.text("SELECT 1"));
            }
            c.execute(Sql.text("INSERT INTO restart_items VALUES (1)"));
            cluster.restart();
            assertThatThrownBy(() -> c.execute(Sql.text("INSERT INTO restart_items VALUES (2)")))
                    .isInstanceOfSatisfying(DBAPIException.class, e -> assertThat(e.connectionInvalidated()).isTrue());
            c.rollback();
            assertThat(c.scalar(Sql.text("SELECT count(*) FROM restart_items"))).isEqualTo(0L);
            c.rollback();
            try (Connection other = engine.connect()) {
                assertThat(other.scalar(Sql.text("SELECT 1"))).isEqualTo(1); // the idle one was replaced
            }
            assertThat(engine.pool().checkedOut()).isEqualTo(1);
        }
    }

    @Test
    void theProxyForwardsCutsAndHolds() throws Exception {
        try (FaultProxy proxy = FaultProxy.to(cluster.port());
                Engine engine = Engine.builder("postgresql://postgres@127.0.0.1:" + proxy.port() + "/test")
                        .poolSize(1).maxOverflow(0).poolTimeout(Duration.ofSeconds(10)).build();
                Connection c = engine.connect()) {
            assertThat(c.scalar(Sql.text("SELECT 1"))).isEqualTo(1);
            c.rollback();
            proxy.cut();
            assertThatThrownBy(() -> c.scalar(Sql.text("SELECT 1"))).isInstanceOf(DBAPIException.class);
            assertThat(c.isInvalidated()).isTrue();
            c.rollback();
            assertThat(c.scalar(Sql.text("SELECT 2"))).isEqualTo(2);
            c.rollback();

            proxy.blackHole();
            CompletableFuture<Object> held = CompletableFuture.supplyAsync(() -> c.scalar(Sql.text("SELECT 3")));
            Thread.sleep(300);
            assertThat(held).isNotDone();
            proxy.heal();
            assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo(3);
            c.rollback();
        }
    }
}
