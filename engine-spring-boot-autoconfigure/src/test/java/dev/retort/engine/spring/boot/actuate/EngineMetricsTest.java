package dev.retort.engine.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.NestedTransaction;
import dev.retort.engine.Sql;
import dev.retort.engine.TwoPhaseTransaction;
import dev.retort.engine.exc.DBAPIException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EngineMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Engine engine;

    @BeforeEach
    void createEngine() {
        engine = Engine.builder("h2:mem:metrics_" + UUID.randomUUID()).poolSize(2).maxOverflow(0).build();
        engine.useTransaction(c -> c.execute(Sql.text("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20))")));
        EngineMetrics.bindTo(engine, "main", registry);
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void statementsAreTimedPerOperationAndOutcome() {
        engine.useTransaction(c -> {
            c.execute(Sql.text("INSERT INTO t VALUES (:id, :name)"),
                    List.of(Map.of("id", 1, "name", "a"), Map.of("id", 2, "name", "b")));
            c.execute(Sql.text("INSERT INTO t VALUES (:id, :name)"), Map.of("id", 3, "name", "c"));
            c.execute(Sql.text("UPDATE t SET name = 'z' WHERE id = 1"));
            c.execute(Sql.text("SELECT * FROM t")).all();
            c.execute(Sql.text("SELECT * FROM t WHERE id = :id"), Map.of("id", 2)).all();
            c.execute(Sql.text("DELETE FROM t WHERE id = 3"));
            c.execute(Sql.text("CREATE INDEX t_name ON t (name)"));
        });
        engine.withConnection(c -> {
            assertThatThrownBy(() -> c.execute(Sql.text("SELECT * FROM missing"))).isInstanceOf(DBAPIException.class);
            assertThatThrownBy(() -> c.execute(Sql.text("INSERT INTO t VALUES (1, 'dup')")))
                    .isInstanceOf(DBAPIException.class);
            return null;
        });

        assertThat(statements("insert", "success").count()).isEqualTo(2);
        assertThat(statements("update", "success").count()).isEqualTo(1);
        assertThat(statements("select", "success").count()).isEqualTo(2);
        assertThat(statements("delete", "success").count()).isEqualTo(1);
        assertThat(statements("ddl", "success").count()).isEqualTo(1);
        assertThat(statements("other", "success").count()).isZero();
        assertThat(statements("select", "error").count()).isEqualTo(1);
        assertThat(statements("insert", "error").count()).isEqualTo(1);
        assertThat(statements("update", "error").count()).isZero();
        assertThat(registry.find(EngineMetrics.STATEMENTS).timers()).hasSize(12)
                .allSatisfy(t -> assertThat(t.getId().getTag("engine")).isEqualTo("main"));
        assertThat(statements("select", "success").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void rowsFetchedAreSummarisedPerResult() {
        engine.useTransaction(c -> {
            c.execute(Sql.text("INSERT INTO t VALUES (:id, :name)"),
                    List.of(Map.of("id", 1, "name", "a"), Map.of("id", 2, "name", "b"), Map.of("id", 3, "name", "c")));
            c.execute(Sql.text("SELECT * FROM t")).all();
            c.execute(Sql.text("SELECT * FROM t WHERE id = 2")).all();
        });

        var rows = registry.get(EngineMetrics.ROWS_FETCHED).tag("engine", "main").summary();
        assertThat(rows.count()).isEqualTo(2);
        assertThat(rows.totalAmount()).isEqualTo(4.0);
    }

    @Test
    void transactionsAreTimedPerKindAndOutcome() {
        try (Connection c = engine.connect()) {
            c.begin();
            NestedTransaction released = c.beginNested();
            c.execute(Sql.text("INSERT INTO t VALUES (1, 'a')"));
            released.commit();
            NestedTransaction rolledBack = c.beginNested();
            c.execute(Sql.text("INSERT INTO t VALUES (2, 'b')"));
            rolledBack.rollback();
            c.commit();

            c.execute(Sql.text("SELECT * FROM t")).all();
            c.rollback();

            TwoPhaseTransaction twoPhase = c.beginTwoPhase();
            c.execute(Sql.text("INSERT INTO t VALUES (3, 'c')"));
            twoPhase.prepare();
            twoPhase.commit();

            c.execute(Sql.text("SELECT 1")).all();
        } // closing with the autobegun transaction open rolls it back

        assertThat(transactions("root", "commit").count()).isEqualTo(1);
        assertThat(transactions("root", "rollback").count()).isEqualTo(2);
        assertThat(transactions("nested", "commit").count()).isEqualTo(1);
        assertThat(transactions("nested", "rollback").count()).isEqualTo(1);
        assertThat(transactions("twophase", "commit").count()).isEqualTo(1);
        assertThat(transactions("twophase", "rollback").count()).isZero();
        assertThat(registry.find(EngineMetrics.TRANSACTIONS).timers()).hasSize(6);
    }

    @Test
    void poolCheckoutsActiveConnectionsAndInvalidationsAreMeasured() {
        Gauge active = registry.get(EngineMetrics.ACTIVE).tag("engine", "main").gauge();
        assertThat(active.value()).isZero();
        Connection first = engine.connect();
        Connection second = engine.connect();
        assertThat(active.value()).isEqualTo(2.0);
        first.close();
        second.invalidate();
        second.close();
        assertThat(active.value()).isZero();

        Timer checkout = registry.get(EngineMetrics.CHECKOUT).tag("engine", "main").timer();
        assertThat(checkout.count()).isEqualTo(2);
        assertThat(registry.get(EngineMetrics.INVALIDATIONS).tag("engine", "main").counter().count()).isEqualTo(1.0);
    }

    @Test
    void hikariMetricsAreBoundForTheEngineOwnedPool() {
        engine.withConnection(c -> c.execute(Sql.text("SELECT 1")).all());

        assertThat(registry.get("hikaricp.connections.max").tag("pool", "retort-h2").gauge().value()).isEqualTo(2.0);
        assertThat(registry.get("hikaricp.connections").tag("pool", "retort-h2").gauge()).isNotNull();
    }

    @Test
    void optionEnginesReportUnderTheirParentOnce() {
        Engine readOnly = engine.executionOptions(ExecutionOptions.empty().withLoggingToken("ro"));
        EngineMetrics parent = EngineMetrics.bindTo(engine, "main", registry);

        assertThat(EngineMetrics.bindTo(readOnly, "readOnly", registry)).isSameAs(parent);
        readOnly.withConnection(c -> c.execute(Sql.text("SELECT 1")).all());
        assertThat(statements("select", "success").count()).isEqualTo(1);
        assertThat(registry.find(EngineMetrics.STATEMENTS).tag("engine", "readOnly").timers()).isEmpty();
    }

    @Test
    void aMockEngineCanBeBound() {
        Engine mock = Engine.mock(sql -> { }, "postgresql");
        EngineMetrics.bindTo(mock, "mock", registry);
        mock.withConnection(c -> c.execute(Sql.text("SELECT 1")));
        assertThat(registry.find(EngineMetrics.ACTIVE).tag("engine", "mock").gauge()).isNull();
    }

    private Timer statements(String operation, String outcome) {
        return registry.get(EngineMetrics.STATEMENTS).tags("engine", "main", "operation", operation, "outcome", outcome)
                .timer();
    }

    private Timer transactions(String kind, String outcome) {
        return registry.get(EngineMetrics.TRANSACTIONS).tags("engine", "main", "kind", kind, "outcome", outcome)
                .timer();
    }
}
