package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.event.ConnectionRecord;
import dev.retort.engine.event.PoolListener;
import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.exc.OperationalException;
import dev.retort.engine.exc.ReadOnlyTransactionException;
import dev.retort.engine.pool.Replica;
import dev.retort.engine.pool.ReplicaFallback;
import dev.retort.engine.testing.TestDatabase;
import dev.retort.engine.testing.WhoAmI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Read-only work goes to the replicas, everything else to the primary. Each "server" here is its own H2 in-memory
 * database holding a row that names it, so where a connection landed is read from the data.
 */
class ReplicaRoutingTest {

    private static final ExecutionOptions READ_ONLY = ExecutionOptions.empty().withReadOnly(true);
    private static final TextClause WHERE = WhoAmI.QUERY;
    /** Nothing listens there: the private cluster range, never the shared server. */
    private static final String DEAD_REPLICA = "jdbc:h2:tcp://127.0.0.1:5459/mem:gone";


    private static Engine.Builder twoReplicas() {
        return Engine.builder(WhoAmI.h2("primary")).poolSize(1).maxOverflow(2)
                .replicas(WhoAmI.h2("replica1"), WhoAmI.h2("replica2"));
    }

    private static String where(Connection c) {
        return (String) c.scalar(WHERE);
    }

    @Test
    void anEngineWithoutReplicasHasNone() {
        try (Engine engine = Engine.create(WhoAmI.h2("primary"))) {
            assertThat(engine.replicas()).isEmpty();
            try (Connection c = engine.executionOptions(READ_ONLY).connect()) {
                assertThat(where(c)).isEqualTo("primary");
            }
        }
    }

    @Test
    void readOnlyOptionEnginesGoToTheReplicasInTurnAndEverythingElseToThePrimary() {
        try (Engine engine = twoReplicas().build()) {
            Engine reader = engine.executionOptions(READ_ONLY);
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                try (Connection c = reader.connect()) {
                    seen.add(where(c));
                }
            }
            assertThat(seen).containsExactly("replica1", "replica2", "replica1", "replica2");
            try (Connection c = engine.connect()) {
                assertThat(where(c)).isEqualTo("primary");
            }
            assertThat(reader.withPrimary().scalar(WHERE)).isEqualTo("primary");
            assertThat(engine.replicas()).hasSize(2).allMatch(Replica::isAvailable);
        }
    }

    @Test
    void readOnlyOnAConnectionMovesItToAReplicaAndBack() {
        try (Engine engine = twoReplicas().build(); Connection c = engine.connect()) {
            assertThat(where(c)).isEqualTo("primary");
            c.commit();
            c.executionOptions(READ_ONLY);
            assertThat(where(c)).startsWith("replica");
            c.rollback();
            c.executionOptions(ExecutionOptions.empty().withReadOnly(false));
            assertThat(where(c)).isEqualTo("primary");
        }
    }

    @Test
    void aConnectionMovedToAReplicaKeepsItsIsolationLevel() {
        try (Engine engine = twoReplicas().build(); Connection c = engine.connect()) {
            c.executionOptions(ExecutionOptions.empty().withIsolationLevel(IsolationLevel.SERIALIZABLE));
            c.executionOptions(READ_ONLY);
            assertThat(where(c)).startsWith("replica");
            assertThat(c.getIsolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
        }
    }

    @Test
    void connectDirectWithReadOnlyChecksOutOfAReplicaStraightAway() {
        List<String> checkouts = new CopyOnWriteArrayList<>();
        try (Engine engine = twoReplicas().build()) {
            engine.addPoolListener(new PoolListener() {
                @Override
                public void checkout(java.sql.Connection dbapi, ConnectionRecord record) {
                    checkouts.add("checkout");
                }
            });
            try (Connection c = engine.connectDirect(READ_ONLY)) {
                assertThat(where(c)).startsWith("replica");
                assertThat(c.getExecutionOptions().readOnly()).isTrue();
            }
            assertThat(checkouts).hasSize(1);
            assertThat(engine.pool().checkedOut()).isZero();
        }
    }

    @Test
    void readYourWritesATransactionThatWroteKeepsItsConnection() {
        try (Engine engine = twoReplicas().build(); Connection c = engine.connect()) {
            c.execute(Sql.text("INSERT INTO items VALUES (1)"));
            Object count = c.execute(Sql.text("SELECT COUNT(*) FROM items"), Map.of(), READ_ONLY).scalar();
            assertThat(((Number) count).intValue()).isEqualTo(1);
            assertThat(c.execute(WHERE, Map.of(), READ_ONLY).scalar()).isEqualTo("primary");
            assertThatThrownBy(() -> c.executionOptions(READ_ONLY)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("readonly may not be altered");
        }
    }

    @Test
    void eachReplicaHasItsOwnPoolWithItsOwnEvents() {
        List<String> events = new CopyOnWriteArrayList<>();
        PoolListener recorder = new PoolListener() {
            @Override
            public void checkout(java.sql.Connection dbapi, ConnectionRecord record) {
                events.add("checkout");
            }

            @Override
            public void checkin(java.sql.Connection dbapi, ConnectionRecord record) {
                events.add("checkin");
            }
        };
        try (Engine engine = twoReplicas().poolListener(recorder).build()) {
            Replica first = engine.replicas().get(0);
            try (Connection c = engine.connectDirect(READ_ONLY)) {
                where(c);
                assertThat(first.pool().checkedOut()).isEqualTo(1);
                assertThat(engine.pool().checkedOut()).isZero();
            }
            assertThat(events).containsExactly("checkout", "checkin");
            assertThat(first.pool().listeners()).contains(recorder);
            assertThat(first.url().toString()).startsWith("h2:mem:whoami_");
        }
    }

    @Test
    void aReplicaThatIsDownIsSkippedAndTheOthersServe() {
        try (Engine engine = Engine.builder(WhoAmI.h2("primary")).poolTimeout(Duration.ofMillis(500))
                .replicas(DEAD_REPLICA, WhoAmI.h2("replica2")).build()) {
            Engine reader = engine.executionOptions(READ_ONLY);
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                seen.add((String) reader.scalar(WHERE));
            }
            assertThat(seen).containsOnly("replica2");
            Replica dead = engine.replicas().get(0);
            assertThat(dead.isAvailable()).isFalse();
            assertThat(dead.lastError()).isNotBlank();
            assertThat(engine.replicas().get(1).isAvailable()).isTrue();
        }
    }

    @Test
    void withNoReplicaUpReadOnlyWorkRunsOnThePrimaryOrFailsWhenAskedTo() {
        try (Engine engine = Engine.builder(WhoAmI.h2("primary")).poolTimeout(Duration.ofMillis(500))
                .replicas(DEAD_REPLICA).build()) {
            assertThat(engine.executionOptions(READ_ONLY).scalar(WHERE)).isEqualTo("primary");
        }
        try (Engine engine = Engine.builder(WhoAmI.h2("primary")).poolTimeout(Duration.ofMillis(500))
                .replicas(DEAD_REPLICA).replicaFallback(ReplicaFallback.FAIL).build()) {
            assertThatThrownBy(() -> engine.connectDirect(READ_ONLY)).isInstanceOf(OperationalException.class)
                    .hasMessageContaining("No replica is available for read-only work")
                    .hasMessageContaining("replicaFallback");
            assertThat(engine.scalar(WHERE)).isEqualTo("primary");
        }
    }

    @Test
    void aSkippedReplicaIsTriedAgainAfterTheRecheckInterval() throws Exception {
        String replica = "h2:tcp://127.0.0.1:5458/mem:replica_routing_recheck";
        try (Engine engine = Engine.builder(WhoAmI.h2("primary")).poolTimeout(Duration.ofMillis(500))
                .replicaRecheck(Duration.ZERO).replicas("jdbc:" + replica).build()) {
            Engine reader = engine.executionOptions(READ_ONLY);
            assertThat(reader.scalar(WHERE)).isEqualTo("primary");
            assertThat(engine.replicas().get(0).isAvailable()).isFalse();
            org.h2.tools.Server server = org.h2.tools.Server.createTcpServer("-tcpPort", "5458", "-ifNotExists")
                    .start();
            try {
                try (Engine setup = Engine.create("jdbc:" + replica + ";DB_CLOSE_DELAY=-1");
                        Connection c = setup.connect()) {
                    c.execute(Sql.text("CREATE TABLE whoami (name VARCHAR(20))"));
                    c.execute(Sql.text("INSERT INTO whoami VALUES ('back')"));
                    c.commit();
                    assertThat(reader.scalar(WHERE)).isEqualTo("back");
                    assertThat(engine.replicas().get(0).isAvailable()).isTrue();
                }
            } finally {
                engine.close();
                server.stop();
            }
        }
    }

    @Test
    void aWriteOnAReplicaConnectionRaisesTheReadOnlyError() {
        String url = TestDatabase.POSTGRESQL.url();
        String sep = url.contains("?") ? "&" : "?";
        try (Engine engine = Engine.builder(url + sep + "ApplicationName=retort-primary").poolSize(1)
                .replicas(url + sep + "ApplicationName=retort-replica").build()) {
            try (Connection c = engine.connectDirect(READ_ONLY)) {
                assertThat(c.scalar(Sql.text("SELECT current_setting('application_name')")))
                        .isEqualTo("retort-replica");
                assertThatThrownBy(() -> c.execute(Sql.text("CREATE TEMPORARY TABLE t (x int)")))
                        .isInstanceOf(ReadOnlyTransactionException.class)
                        .hasMessageContaining("read-only").hasMessageContaining("engine.withPrimary()");
            }
            try (Connection c = engine.connect()) {
                assertThat(c.scalar(Sql.text("SELECT current_setting('application_name')")))
                        .isEqualTo("retort-primary");
            }
        }
    }
}
