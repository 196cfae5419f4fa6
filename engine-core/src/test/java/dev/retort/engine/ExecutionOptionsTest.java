package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.exc.OperationalException;
import dev.retort.engine.testing.OnEachDatabase;
import dev.retort.engine.testing.Recorder;
import dev.retort.engine.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Execution options and isolation levels. */
class ExecutionOptionsTest {

    private static final TextClause INSERT = Sql.text("INSERT INTO opt_t (id) VALUES (:id)");

    private static Engine withTable(Engine engine) {
        try (Connection c = engine.connect()) {
            c.execDriverSql("DROP TABLE IF EXISTS opt_t");
            c.execDriverSql("CREATE TABLE opt_t (id INT PRIMARY KEY)");
            c.commit();
        }
        return engine;
    }

    private static long count(Engine engine) {
        return ((Number) engine.scalar(Sql.text("SELECT COUNT(*) FROM opt_t"))).longValue();
    }

    @OnEachDatabase
    void perConnectionIsolationIsAppliedAndResetOnReturn(TestDatabase db) {
        try (Engine engine = db.builder().poolSize(1).maxOverflow(0).build()) {
            IsolationLevel defaultLevel;
            try (Connection c = engine.connect()) {
                defaultLevel = c.getIsolationLevel();
                assertThat(c.defaultIsolationLevel()).isEqualTo(defaultLevel);
                c.executionOptions(ExecutionOptions.empty().withIsolationLevel(IsolationLevel.SERIALIZABLE));
                assertThat(c.getIsolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
                assertThat(c.defaultIsolationLevel()).isEqualTo(defaultLevel);
            }
            try (Connection c = engine.connect()) {
                assertThat(c.getIsolationLevel()).isEqualTo(defaultLevel);
            }
        }
    }

    @OnEachDatabase
    void afterInvalidationTheNewConnectionIsAtTheDefaultLevel(TestDatabase db) {
        try (Engine engine = db.engine(); Connection c = engine.connect()) {
            IsolationLevel defaultLevel = c.getIsolationLevel();
            c.executionOptions(ExecutionOptions.empty().withIsolationLevel(IsolationLevel.SERIALIZABLE));
            c.invalidate();
            c.execute(Sql.text("SELECT 1"));
            c.rollback();
            assertThat(c.getIsolationLevel()).isEqualTo(defaultLevel);
        }
    }

    @OnEachDatabase
    void engineLevelIsolationAppliesToEveryCheckout(TestDatabase db) {
        try (Engine engine = db.builder().isolationLevel(IsolationLevel.REPEATABLE_READ).build()) {
            try (Connection c1 = engine.connect(); Connection c2 = engine.connect()) {
                assertThat(c1.getIsolationLevel()).isEqualTo(IsolationLevel.REPEATABLE_READ);
                assertThat(c2.getIsolationLevel()).isEqualTo(IsolationLevel.REPEATABLE_READ);
                c1.executionOptions(ExecutionOptions.empty().withIsolationLevel(IsolationLevel.SERIALIZABLE));
            }
            for (int i = 0; i < 3; i++) {
                try (Connection c = engine.connect()) {
                    assertThat(c.getIsolationLevel()).isEqualTo(IsolationLevel.REPEATABLE_READ);
                }
            }
            Engine optionEngine = engine.executionOptions(
                    ExecutionOptions.empty().with("isolation_level", "serializable"));
            try (Connection c = optionEngine.connect()) {
                assertThat(c.getIsolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
            }
        }
    }

    @OnEachDatabase
    void autocommitIsolationPersistsRowsDespiteRollback(TestDatabase db) {
        try (Engine engine = withTable(db.engine())) {
            try (Connection c = engine.connect()) {
                c.executionOptions(ExecutionOptions.empty().withIsolationLevel(IsolationLevel.AUTOCOMMIT));
                c.execute(INSERT, Map.of("id", 1));
                c.rollback();
                Transaction t = c.begin();
                c.execute(INSERT, Map.of("id", 2));
                t.rollback();
                assertThat(c.getIsolationLevel()).isNotEqualTo(IsolationLevel.AUTOCOMMIT);
                c.executionOptions(ExecutionOptions.empty().withIsolationLevel(c.defaultIsolationLevel()));
                c.execute(INSERT, Map.of("id", 3));
                c.rollback();
            }
            assertThat(count(engine)).isEqualTo(2);
        }
    }

    @OnEachDatabase
    void engineAutocommitLevelCommitsEveryStatement(TestDatabase db) {
        try (Engine engine = withTable(db.builder().isolationLevel(IsolationLevel.AUTOCOMMIT).build())) {
            try (Connection c = engine.connect()) {
                c.execute(INSERT, Map.of("id", 1));
            }
            assertThat(count(engine)).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void isolationCannotChangeInsideATransaction(TestDatabase db) {
        try (Engine engine = db.engine(); Connection c = engine.connect()) {
            c.execute(Sql.text("SELECT 1"));
            assertThatThrownBy(() -> c.executionOptions(
                    ExecutionOptions.empty().withIsolationLevel(IsolationLevel.SERIALIZABLE)))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("isolation_level may not be altered unless rollback() or commit() is called");
            c.rollback();
            c.executionOptions(ExecutionOptions.empty().withIsolationLevel(IsolationLevel.SERIALIZABLE));
            assertThat(c.getIsolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
        }
    }

    @Test
    void invalidIsolationLevelListsTheValidOnes() {
        try (Engine engine = Engine.create("h2:mem:opt1")) {
            assertThatThrownBy(() -> engine.executionOptions(ExecutionOptions.empty().with("isolation_level", "FOO")))
                    .isInstanceOf(ArgumentException.class)
                    .hasMessage("Invalid value 'FOO' for isolation_level. Valid isolation levels for 'h2' are "
                            + "AUTOCOMMIT, READ COMMITTED, READ UNCOMMITTED, REPEATABLE READ, SERIALIZABLE");
            try (Connection c = engine.connect()) {
                assertThatThrownBy(() -> c.executionOptions(ExecutionOptions.empty().with("isolation_level", "BAR")))
                        .isInstanceOf(ArgumentException.class).hasMessageContaining("'BAR'");
                assertThatThrownBy(() -> c.execute(Sql.text("SELECT 1"), Map.of(),
                        ExecutionOptions.empty().withIsolationLevel(IsolationLevel.SERIALIZABLE)))
                        .isInstanceOf(ArgumentException.class);
            }
        }
        assertThat(IsolationLevel.parse("repeatable_read")).isEqualTo(IsolationLevel.REPEATABLE_READ);
    }

    @Test
    void optionsLayerStatementOverConnectionOverEngine() {
        List<ExecutionOptions> seen = new ArrayList<>();
        Recorder recorder = new Recorder();
        dev.retort.engine.event.ConnectionListener optionsSpy = new dev.retort.engine.event.ConnectionListener() {
            @Override
            public void beforeExecute(dev.retort.engine.event.ExecuteEvent e) {
                seen.add(e.executionOptions());
            }
        };
        try (Engine base = Engine.builder("h2:mem:opt2").listener(recorder).listener(optionsSpy)
                .executionOptions(ExecutionOptions.empty().with("base", "x1").with("p", "engine")).build()) {
            Engine e1 = base.executionOptions(ExecutionOptions.empty().with("foo", "b1"));
            Engine e2 = e1.executionOptions(ExecutionOptions.empty().with("bar", "a1"));
            assertThat(base.getExecutionOptions().asMap()).containsOnlyKeys("base", "p");
            assertThat(e2.getExecutionOptions().asMap()).containsOnlyKeys("base", "p", "foo", "bar");
            assertThat(e2.pool()).isSameAs(base.pool());
            try (Connection c = e2.connect()) {
                assertThat(c.executionOptions(ExecutionOptions.empty().with("p", "conn"))).isSameAs(c);
                c.execute(Sql.text("SELECT 1").executionOptions(ExecutionOptions.empty().with("p", "stmt")
                        .with("q", "z")));
                c.execute(Sql.text("SELECT 1"));
            }
            assertThat(seen.get(0).asMap()).containsEntry("p", "stmt").containsEntry("q", "z")
                    .containsEntry("foo", "b1").containsEntry("base", "x1");
            assertThat(seen.get(1).asMap()).containsEntry("p", "conn").doesNotContainKey("q");
            base.updateExecutionOptions(ExecutionOptions.empty().with("foo", "hoho"));
            try (Connection c = base.connect()) {
                assertThat(c.getExecutionOptions().get("foo")).isEqualTo("hoho");
            }
            assertThat(recorder.events).contains("setEngineExecutionOptions", "setConnectionExecutionOptions");
        }
    }

    @OnEachDatabase
    void autocommitOptionCommitsStatementsOutsideExplicitTransactions(TestDatabase db) {
        try (Engine engine = withTable(db.engine())) {
            try (Connection c = engine.connect()) {
                c.executionOptions(ExecutionOptions.empty().withAutocommit(true));
                c.execute(INSERT, Map.of("id", 1));
                assertThat(c.inTransaction()).isFalse();
                Transaction t = c.begin();
                c.execute(INSERT, Map.of("id", 2));
                t.rollback();
            }
            assertThat(count(engine)).isEqualTo(1);
        }
    }

    @Test
    void readonlyConnectionRefusesWritesAndIsResetOnReturn() throws Exception {
        try (Engine engine = withTable(Engine.builder("h2:mem:opt3").poolSize(1).maxOverflow(0).build())) {
            try (Connection c = engine.connect()) {
                c.executionOptions(ExecutionOptions.empty().withReadOnly(true));
                assertThat(c.jdbcConnection().isReadOnly()).isTrue();
            }
            try (Connection c = engine.connect()) {
                assertThat(c.jdbcConnection().isReadOnly()).isFalse();
            }
        }
    }

    @OnEachDatabase
    void timeoutCancelsLongStatements(TestDatabase db) throws Exception {
        String slow = db.isPostgresql() ? "SELECT pg_sleep(5)" : db.isMariadb() ? "SELECT SLEEP(5)"
                : "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000000) a, SYSTEM_RANGE(1, 100000000) b";
        try (Engine engine = db.engine(); Connection c = engine.connect()) {
            long start = System.nanoTime();
            ExecutionOptions timeout = ExecutionOptions.empty().withTimeout(Duration.ofSeconds(1));
            assertThatThrownBy(() -> c.execute(Sql.text(slow), Map.of(), timeout).scalar())
                    .isInstanceOf(OperationalException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void unknownOptionsAreKeptAndBadValuesRejected() {
        ExecutionOptions options = ExecutionOptions.empty().with("my_flag", 42).withYieldPer(100);
        assertThat(options.get("my_flag")).isEqualTo(42);
        assertThat(options.streamResults()).isTrue();
        assertThat(options.fetchSize()).isEqualTo(100);
        assertThat(ExecutionOptions.empty().withStreamResults(true).fetchSize()).isEqualTo(1000);
        assertThatThrownBy(() -> ExecutionOptions.empty().with("yield_per", "many"))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("'yield_per' must be a positive integer");
        assertThatThrownBy(() -> ExecutionOptions.empty().with("readonly", "maybe"))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("must be true or false");
    }
}
