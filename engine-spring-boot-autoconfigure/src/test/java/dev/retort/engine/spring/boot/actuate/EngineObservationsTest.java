package dev.retort.engine.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.NestedTransaction;
import dev.retort.engine.Sql;
import dev.retort.engine.exc.DBAPIException;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EngineObservationsTest {

    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private Engine engine;

    @BeforeEach
    void createEngine() {
        engine = Engine.create("h2:mem:observations_" + UUID.randomUUID());
        engine.useTransaction(c -> c.execute(Sql.text("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20))")));
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void eachExecutionIsAStatementObservationWithSqlButNoParameterValues() {
        EngineObservations.bindTo(engine, "main", registry, null, null);

        engine.withConnection(c -> c.execute(Sql.text("SELECT * FROM t WHERE name = :name"),
                Map.of("name", "secret-value")).all());

        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("retort.statement", 1)
                .hasObservationWithNameEqualTo("retort.statement").that()
                .hasContextualNameEqualTo("select")
                .hasLowCardinalityKeyValue("db.system", "h2")
                .hasLowCardinalityKeyValue("db.operation", "select")
                .hasLowCardinalityKeyValue("retort.engine", "main")
                .hasHighCardinalityKeyValue("db.statement", "SELECT * FROM t WHERE name = ?")
                .hasBeenStarted().hasBeenStopped().doesNotHaveError();
        assertThat(contexts(StatementObservationContext.class)).singleElement().satisfies(c -> {
            assertThat(c.getAllKeyValues().stream().map(KeyValue::getValue)).noneMatch(v -> v.contains("secret"));
            assertThat(c.getRowCount()).isEqualTo(-1);
        });
    }

    @Test
    void aFailedStatementIsObservedWithItsError() {
        EngineObservations.bindTo(engine, "main", registry, null, null);

        engine.withConnection(c -> {
            assertThatThrownBy(() -> c.execute(Sql.text("DELETE FROM missing"))).isInstanceOf(DBAPIException.class);
            return null;
        });

        TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo("retort.statement").that()
                .hasLowCardinalityKeyValue("db.operation", "delete")
                .hasBeenStopped()
                .assertThatError().isInstanceOf(DBAPIException.class);
    }

    @Test
    void transactionsAreObservedAndParentTheirStatements() {
        EngineObservations.bindTo(engine, "main", registry, null, null);

        try (Connection c = engine.connect()) {
            c.begin();
            c.execute(Sql.text("INSERT INTO t VALUES (1, 'a')"));
            NestedTransaction savepoint = c.beginNested();
            c.execute(Sql.text("UPDATE t SET name = 'b'"));
            savepoint.rollback();
            c.commit();
            c.execute(Sql.text("SELECT * FROM t")).all();
            c.rollback();
        }

        List<TransactionObservationContext> transactions = contexts(TransactionObservationContext.class);
        assertThat(transactions).extracting(TransactionObservationContext::getKind,
                TransactionObservationContext::getOutcome)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("root", "commit"),
                        org.assertj.core.groups.Tuple.tuple("nested", "rollback"),
                        org.assertj.core.groups.Tuple.tuple("root", "rollback"));
        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("retort.transaction", 3)
                .hasAnObservation(o -> o.hasNameEqualTo("retort.transaction")
                        .hasLowCardinalityKeyValue("retort.transaction.kind", "nested")
                        .hasLowCardinalityKeyValue("retort.transaction.outcome", "rollback")
                        .hasLowCardinalityKeyValue("db.system", "h2")
                        .hasContextualNameEqualTo("nested transaction"));

        TransactionObservationContext committed = transactions.stream()
                .filter(t -> t.getOutcome().equals("commit")).findFirst().orElseThrow();
        TransactionObservationContext nested = transactions.stream()
                .filter(t -> t.getKind().equals("nested")).findFirst().orElseThrow();
        List<StatementObservationContext> statements = contexts(StatementObservationContext.class);
        assertThat(statements).hasSize(3);
        assertThat(parentOf(statements.get(0))).isSameAs(committed);
        assertThat(statements.get(0).getRowCount()).isEqualTo(1);
        assertThat(parentOf(statements.get(1))).isSameAs(nested);
        assertThat(parentOf(nested)).isSameAs(committed);
        assertThat(parentOf(statements.get(2))).isInstanceOf(TransactionObservationContext.class)
                .isNotSameAs(committed);
    }

    @Test
    void observationsNestUnderTheCallersObservation() {
        EngineObservations.bindTo(engine, "main", registry, null, null);
        Observation request = Observation.start("http.server.requests", registry);

        try (Observation.Scope scope = request.openScope()) {
            engine.useTransaction(c -> c.execute(Sql.text("SELECT 1")).all());
        } finally {
            request.stop();
        }

        TransactionObservationContext transaction = contexts(TransactionObservationContext.class).get(0);
        assertThat(parentOf(transaction)).isSameAs(request.getContext());
        assertThat(parentOf(contexts(StatementObservationContext.class).get(0))).isSameAs(transaction);
        assertThat(registry.getCurrentObservation()).isNull();
    }

    @Test
    void aCustomConventionReplacesTheDefault() {
        StatementObservationConvention custom = new DefaultStatementObservationConvention() {
            @Override
            public KeyValues getLowCardinalityKeyValues(StatementObservationContext context) {
                return super.getLowCardinalityKeyValues(context).and("tenant", "acme");
            }

            @Override
            public String getContextualName(StatementObservationContext context) {
                return "db " + context.getOperation();
            }
        };
        EngineObservations.bindTo(engine, "main", registry, custom, null);

        engine.withConnection(c -> c.execute(Sql.text("SELECT 1")).all());

        TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo("retort.statement").that()
                .hasLowCardinalityKeyValue("tenant", "acme")
                .hasLowCardinalityKeyValue("db.operation", "select")
                .hasContextualNameEqualTo("db select");
    }

    @Test
    void aNoopRegistryObservesNothing() {
        EngineObservations.bindTo(engine, "main", ObservationRegistry.NOOP, null, null);

        engine.useTransaction(c -> c.execute(Sql.text("SELECT 1")).all());

        assertThat(engine.getListeners()).hasSize(1);
    }

    @Test
    void bindingTwiceAttachesOneListener() {
        EngineObservations first = EngineObservations.bindTo(engine, "main", registry, null, null);
        assertThat(EngineObservations.bindTo(engine, "main", registry, null, null)).isSameAs(first);
        assertThat(engine.getListeners()).containsExactly(first);
    }

    private <T extends Observation.Context> List<T> contexts(Class<T> type) {
        List<T> found = new ArrayList<>();
        TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy(contexts -> {
            for (Observation.Context c : contexts) {
                if (type.isInstance(c)) {
                    found.add(type.cast(c));
                }
            }
        });
        return found;
    }

    private static Object parentOf(Observation.Context context) {
        return context.getParentObservation().getContextView();
    }
}
