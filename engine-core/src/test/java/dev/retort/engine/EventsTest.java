package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.event.ConnectionListener;
import dev.retort.engine.event.CursorEvent;
import dev.retort.engine.event.ErrorEvent;
import dev.retort.engine.event.ExecuteEvent;
import dev.retort.engine.exc.DBAPIException;
import dev.retort.engine.exc.ProgrammingException;
import dev.retort.engine.testing.OnEachDatabase;
import dev.retort.engine.testing.Recorder;
import dev.retort.engine.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connection events. */
class EventsTest {

    private static final TextClause INSERT = Sql.text("INSERT INTO ev_t (id) VALUES (:id)");

    private static Engine engine(TestDatabase db, ConnectionListener... listeners) {
        Engine.Builder builder = db.builder();
        for (ConnectionListener l : listeners) {
            builder.listener(l);
        }
        Engine engine = builder.build();
        try (Connection c = engine.connectDirect()) {
            c.execDriverSql("DROP TABLE IF EXISTS ev_t");
            c.execDriverSql("CREATE TABLE ev_t (id INT PRIMARY KEY, note VARCHAR(100))");
            c.commit();
        }
        return engine;
    }

    @OnEachDatabase
    void statementEventsFireInSqlalchemyOrder(TestDatabase db) {
        Recorder r = new Recorder();
        try (Engine engine = engine(db, r)) {
            r.clear();
            try (Connection c = engine.connect()) {
                c.execute(INSERT, Map.of("id", 1));
                c.commit();
            }
            assertThat(r.events).containsExactly("engineConnect", "beforeExecute", "begin", "beforeCursorExecute",
                    "afterCursorExecute", "afterExecute", "commit");
        }
    }

    @OnEachDatabase
    void transactionalEventSequence(TestDatabase db) {
        Recorder r = new Recorder();
        try (Engine engine = engine(db, r); Connection c = engine.connect()) {
            r.clear();
            Transaction t = c.begin();
            NestedTransaction sp1 = c.beginNested();
            c.execute(INSERT, Map.of("id", 1));
            sp1.rollback();
            NestedTransaction sp2 = c.beginNested();
            c.execute(INSERT, Map.of("id", 2));
            sp2.commit();
            t.rollback();
            assertThat(r.events).containsExactly("begin", "savepoint:sa_savepoint_1", "beforeExecute",
                    "beforeCursorExecute", "afterCursorExecute", "afterExecute", "rollbackSavepoint:sa_savepoint_1",
                    "savepoint:sa_savepoint_2", "beforeExecute", "beforeCursorExecute", "afterCursorExecute",
                    "afterExecute", "releaseSavepoint:sa_savepoint_2", "rollback");
        }
    }

    @Test
    void driverSqlSkipsStatementEventsButNotCursorEvents() {
        Recorder r = new Recorder();
        try (Engine engine = engine(TestDatabase.H2, r); Connection c = engine.connect()) {
            r.clear();
            c.execDriverSql("INSERT INTO ev_t (id) VALUES (?)", 1);
            assertThat(r.events).containsExactly("begin", "beforeCursorExecute", "afterCursorExecute");
        }
    }

    @Test
    void executemanyIsOneCursorEventWithTheWholeBatch() {
        List<CursorEvent> seen = new ArrayList<>();
        ConnectionListener spy = new ConnectionListener() {
            @Override
            public void afterCursorExecute(CursorEvent e) {
                seen.add(e);
            }
        };
        try (Engine engine = engine(TestDatabase.H2, spy); Connection c = engine.connect()) {
            seen.clear();
            c.execute(INSERT, List.of(Map.of("id", 1), Map.of("id", 2), Map.of("id", 3)));
            assertThat(seen).hasSize(1);
            CursorEvent e = seen.get(0);
            assertThat(e.executemany()).isTrue();
            assertThat(e.batch()).containsExactly(List.of(1), List.of(2), List.of(3));
            assertThat(e.rowCount()).isEqualTo(3);
            assertThat(e.operation()).isEqualTo("insert");
        }
    }

    @OnEachDatabase
    void beforeCursorExecuteMayRewriteSqlAndParameters(TestDatabase db) {
        ConnectionListener rewriter = new ConnectionListener() {
            @Override
            public void beforeCursorExecute(CursorEvent e) {
                if (e.sql().startsWith("INSERT")) {
                    e.setSql("/* app=ledger */ INSERT INTO ev_t (id, note) VALUES (?, 'rewritten')");
                    e.setParameters(List.of(((Number) e.parameters().get(0)).intValue() * 10));
                }
            }
        };
        try (Engine engine = engine(db, rewriter); Connection c = engine.connect()) {
            c.execute(INSERT, Map.of("id", 4));
            Row row = c.execute(Sql.text("SELECT id, note FROM ev_t")).one();
            assertThat(row.get(0, Integer.class)).isEqualTo(40);
            assertThat(row.get(1)).isEqualTo("rewritten");
        }
    }

    @Test
    void beforeExecuteMayReplaceStatementAndParameters() {
        List<Object> afterParams = new ArrayList<>();
        ConnectionListener listener = new ConnectionListener() {
            @Override
            public void beforeExecute(ExecuteEvent e) {
                e.setStatement(Sql.text("SELECT :q"));
                e.setParameters(Map.of("q", "15"));
            }

            @Override
            public void afterExecute(ExecuteEvent e, Result result) {
                afterParams.add(e.parameters());
            }
        };
        try (Engine engine = Engine.builder("h2:mem:ev2").listener(listener).build(); Connection c = engine.connect()) {
            assertThat(c.scalar(Sql.text("SELECT 'original'"))).isEqualTo("15");
            assertThat(afterParams).containsExactly(Map.of("q", "15"));
        }
    }

    @Test
    void timingRecipeIsAListener() {
        List<Duration> timings = new ArrayList<>();
        ConnectionListener timer = new ConnectionListener() {
            @Override
            public void beforeCursorExecute(CursorEvent e) {
                e.context().put("start", System.nanoTime());
                e.info().merge("statements", 1, (a, b) -> (Integer) a + (Integer) b);
            }

            @Override
            public void afterCursorExecute(CursorEvent e) {
                long start = (Long) e.context().get("start");
                timings.add(Duration.ofNanos(System.nanoTime() - start));
                assertThat(e.elapsed()).isNotNull().isLessThanOrEqualTo(timings.get(timings.size() - 1));
            }
        };
        try (Engine engine = Engine.builder("h2:mem:ev3").listener(timer).build(); Connection c = engine.connect()) {
            c.execute(Sql.text("SELECT 1"));
            c.execute(Sql.text("SELECT 2"));
            assertThat(timings).hasSize(2).allSatisfy(d -> assertThat(d).isPositive());
            assertThat(c.info()).containsEntry("statements", 2);
        }
    }

    @OnEachDatabase
    void handleErrorSeesTheFailureAndMayReplaceIt(TestDatabase db) {
        List<ErrorEvent> errors = new ArrayList<>();
        ConnectionListener handler = new ConnectionListener() {
            @Override
            public void handleError(ErrorEvent e) {
                errors.add(e);
                if (e.sql() != null && e.sql().contains("replace_me")) {
                    e.replaceWith(new IllegalStateException("replaced: " + e.exception().getClass().getSimpleName()));
                }
            }
        };
        try (Engine engine = engine(db, handler); Connection c = engine.connect()) {
            assertThatThrownBy(() -> c.execute(Sql.text("SELECT * FROM no_such_table WHERE x = :x"), Map.of("x", 7)))
                    .isInstanceOf(ProgrammingException.class).hasMessageContaining("no_such_table");
            ErrorEvent e = errors.get(0);
            assertThat((Object) e.original()).isNotNull().isSameAs(((DBAPIException) e.exception()).orig());
            assertThat(e.sql()).isEqualTo("SELECT * FROM no_such_table WHERE x = ?");
            assertThat(e.parameters()).isEqualTo(Map.of("x", 7));
            assertThat(e.isDisconnect()).isFalse();
            c.rollback();
            assertThatThrownBy(() -> c.execute(Sql.text("SELECT replace_me FROM no_such_table")))
                    .isInstanceOf(IllegalStateException.class).hasMessage("replaced: ProgrammingException");
        }
    }

    @Test
    void handleErrorMayDeclareADisconnect() {
        ConnectionListener handler = new ConnectionListener() {
            @Override
            public void handleError(ErrorEvent e) {
                e.setDisconnect(true);
            }
        };
        try (Engine engine = Engine.builder("h2:mem:ev4").listener(handler).build(); Connection c = engine.connect()) {
            assertThatThrownBy(() -> c.execute(Sql.text("SELECT * FROM missing")))
                    .isInstanceOfSatisfying(DBAPIException.class, e -> assertThat(e.connectionInvalidated()).isTrue());
            assertThat(c.isInvalidated()).isTrue();
            c.rollback();
            assertThat(c.scalar(Sql.text("SELECT 1"))).isEqualTo(1);
            assertThat(c.isInvalidated()).isFalse();
        }
    }

    @Test
    void optionEngineListenersFireFirstAndListenersCanBeRemoved() {
        List<String> order = new ArrayList<>();
        ConnectionListener l1 = named(order, "l1");
        ConnectionListener l2 = named(order, "l2");
        ConnectionListener l3 = named(order, "l3");
        try (Engine engine = Engine.builder("h2:mem:ev5").listener(l1).build()) {
            Engine optionEngine = engine.executionOptions(ExecutionOptions.empty().with("foo", "bar"));
            optionEngine.addListener(l3);
            engine.addListener(l2);
            engine.scalar(Sql.text("SELECT 1"));
            assertThat(order).containsExactly("l1", "l2");
            order.clear();
            optionEngine.scalar(Sql.text("SELECT 1"));
            assertThat(order).containsExactly("l3", "l1", "l2");
            order.clear();
            engine.removeListener(l1);
            optionEngine.removeListener(l3);
            optionEngine.scalar(Sql.text("SELECT 1"));
            assertThat(order).containsExactly("l2");
        }
    }

    @Test
    void listenerAddedAfterConnectStillFires() {
        Recorder r = new Recorder();
        try (Engine engine = Engine.create("h2:mem:ev6"); Connection c = engine.connect()) {
            engine.addListener(r);
            c.execute(Sql.text("SELECT 1"));
            assertThat(r.events).contains("beforeExecute", "afterExecute");
        }
    }

    @Test
    void disposeFiresEngineDisposedEachTimeAndTheEngineKeepsWorking() {
        Recorder r = new Recorder();
        try (Engine engine = Engine.builder("h2:mem:ev7").listener(r).build()) {
            engine.scalar(Sql.text("SELECT 1"));
            engine.dispose();
            engine.dispose();
            assertThat(r.events.stream().filter("engineDisposed"::equals)).hasSize(2);
            assertThat(engine.scalar(Sql.text("SELECT 2"))).isEqualTo(2);
        }
    }

    @Test
    void resultClosedReportsTheRowsFetched() {
        List<Long> fetched = new ArrayList<>();
        ConnectionListener counter = new ConnectionListener() {
            @Override
            public void resultClosed(Result result, long rowsFetched) {
                fetched.add(rowsFetched);
            }
        };
        try (Engine engine = Engine.builder("h2:mem:ev8").listener(counter).build(); Connection c = engine.connect()) {
            c.execute(Sql.text("SELECT X FROM SYSTEM_RANGE(1, 7)")).all();
            c.execute(Sql.text("SELECT X FROM SYSTEM_RANGE(1, 7)")).fetchMany(2);
            Result partial = c.execute(Sql.text("SELECT X FROM SYSTEM_RANGE(1, 7)"));
            partial.fetchMany(3);
            partial.close();
            c.execute(Sql.text("VALUES 1"));
            assertThat(fetched).containsExactly(7L, 3L);
        }
    }

    private static ConnectionListener named(List<String> order, String name) {
        return new ConnectionListener() {
            @Override
            public void beforeExecute(ExecuteEvent e) {
                order.add(name);
            }
        };
    }

    /** Times transactions with nothing but the attributes of the transaction objects the callbacks carry. */
    static final class TransactionTimer implements ConnectionListener {
        final List<String> ended = new ArrayList<>();
        final List<Transaction> statementTransactions = new ArrayList<>();
        final List<CursorEvent> failed = new ArrayList<>();

        @Override
        public void begin(Transaction tx) {
            tx.attributes().put("start", System.nanoTime());
        }

        @Override
        public void savepoint(NestedTransaction sp) {
            sp.attributes().put("start", System.nanoTime());
        }

        @Override
        public void commit(Transaction tx) {
            end(tx, "commit");
        }

        @Override
        public void rollback(Transaction tx) {
            end(tx, "rollback");
        }

        @Override
        public void releaseSavepoint(NestedTransaction sp) {
            end(sp, "release " + sp.savepointName());
        }

        @Override
        public void rollbackSavepoint(NestedTransaction sp) {
            end(sp, "rollback " + sp.savepointName());
        }

        @Override
        public void beforeCursorExecute(CursorEvent e) {
            statementTransactions.add(e.transaction());
        }

        @Override
        public void handleError(ErrorEvent e) {
            if (e.cursorEvent() != null) {
                failed.add(e.cursorEvent());
            }
        }

        private void end(Transaction tx, String what) {
            if (tx.attributes().remove("start") instanceof Long start && System.nanoTime() >= start) {
                ended.add(what);
            }
        }
    }

    @OnEachDatabase
    void transactionCallbacksCarryTheTransactionSoListenersNeedNoBookkeeping(TestDatabase db) {
        TransactionTimer timer = new TransactionTimer();
        Recorder recorder = new Recorder();
        try (Engine engine = db.builder().listener(timer).listener(recorder).build();
                Connection conn = engine.connect()) {
            conn.execute(Sql.text("SELECT 1"));
            Transaction root = conn.getTransaction().orElseThrow();
            NestedTransaction sp = conn.beginNested();
            assertThatThrownBy(() -> conn.execute(Sql.text("SELECT * FROM no_such_table"))).isInstanceOf(
                    DBAPIException.class);
            sp.rollback();
            conn.beginNested().commit();
            conn.commit();
            conn.execute(Sql.text("SELECT 2"));
            conn.invalidate();
            conn.rollback(); // nothing reaches the database, but the transaction still ends for listeners

            assertThat(timer.ended).containsExactly("rollback sa_savepoint_1", "release sa_savepoint_2", "commit",
                    "rollback");
            assertThat(timer.statementTransactions.get(0)).isSameAs(root);
            assertThat(timer.statementTransactions.get(1)).isSameAs(sp);
            assertThat(timer.failed).singleElement().satisfies(e -> {
                assertThat(e.sql()).isEqualTo("SELECT * FROM no_such_table");
                assertThat(e.elapsed()).isNotNull();
            });
            // the connection-and-name callbacks still fire for listeners written against them
            assertThat(recorder.events).containsSubsequence("begin", "savepoint:sa_savepoint_1",
                    "rollbackSavepoint:sa_savepoint_1", "releaseSavepoint:sa_savepoint_2", "commit", "begin",
                    "rollback");
        }
    }
}
