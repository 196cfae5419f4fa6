package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.testing.OnEachDatabase;
import dev.retort.engine.testing.Recorder;
import dev.retort.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/**
 * Two-phase transactions on every database: PostgreSQL {@code PREPARE
 * TRANSACTION}, MariaDB {@code XA}, H2 {@code PREPARE COMMIT}; recovery of transactions a crashed process left
 * prepared.
 */
class TwoPhaseTest {

    private static final String PREFIX = "retort_tp_";
    private static final TextClause INSERT = Sql.text("INSERT INTO tp_items (id) VALUES (:id)");

    private static Engine setUp(String url, Recorder recorder) {
        Engine engine = Engine.builder(url).poolSize(2).listener(recorder).build();
        try (Connection c = engine.connect()) {
            // a prepared transaction left by an earlier failed run would hold its locks and block the DROP
            for (String xid : c.recoverTwoPhase()) {
                if (xid.startsWith(PREFIX)) {
                    c.rollbackPrepared(xid);
                }
            }
            c.execDriverSql("DROP TABLE IF EXISTS tp_items");
            c.execDriverSql("CREATE TABLE tp_items (id INT PRIMARY KEY)");
            c.commit();
        }
        recorder.clear();
        return engine;
    }

    private static String xid(TestDatabase db, String what) {
        return PREFIX + db.name() + "_" + what + "_" + Long.toHexString(System.nanoTime());
    }

    private static List<Integer> ids(Engine engine) {
        try (Connection c = engine.connect()) {
            return c.scalars(Sql.text("SELECT id FROM tp_items ORDER BY id")).all().stream()
                    .map(v -> ((Number) v).intValue()).toList();
        }
    }

    private static List<String> twoPhaseEvents(Recorder recorder) {
        return recorder.events.stream().filter(e -> e.contains("TwoPhase")).toList();
    }

    @OnEachDatabase
    void prepareThenCommitOrRollBack(TestDatabase db) {
        Recorder recorder = new Recorder();
        try (Engine engine = setUp(db.url(), recorder); Connection conn = engine.connect()) {
            TwoPhaseTransaction t1 = conn.beginTwoPhase(xid(db, "a"));
            conn.execute(INSERT, Map.of("id", 1));
            t1.prepare();
            assertThat(t1.isPrepared()).isTrue();
            t1.commit();

            TwoPhaseTransaction t2 = conn.beginTwoPhase(xid(db, "b"));
            conn.execute(INSERT, Map.of("id", 2));
            t2.commit();

            TwoPhaseTransaction t3 = conn.beginTwoPhase(xid(db, "c"));
            conn.execute(INSERT, Map.of("id", 3));
            t3.rollback();

            TwoPhaseTransaction t4 = conn.beginTwoPhase();
            assertThat(t4.xid()).isNotBlank();
            conn.execute(INSERT, Map.of("id", 4));
            t4.prepare();
            t4.rollback();
            t4.close();

            assertThat(ids(engine)).containsExactly(1, 2);
            assertThat(twoPhaseEvents(recorder)).containsExactly(
                    "beginTwoPhase", "prepareTwoPhase", "commitTwoPhase:true",
                    "beginTwoPhase", "commitTwoPhase:false",
                    "beginTwoPhase", "rollbackTwoPhase:false",
                    "beginTwoPhase", "prepareTwoPhase", "rollbackTwoPhase:true");
        }
    }

    @OnEachDatabase
    void aTransactionPreparedByACrashedProcessIsRecoveredByAnother(TestDatabase db) {
        String url = db.url();
        String commitMe = xid(db, "commit");
        String rollMeBack = xid(db, "rollback");
        try (Engine crashing = setUp(url, new Recorder())) {
            for (Object[] work : new Object[][] {{commitMe, 1}, {rollMeBack, 2}}) {
                Connection conn = crashing.connect();
                TwoPhaseTransaction tx = conn.beginTwoPhase((String) work[0]);
                conn.execute(INSERT, Map.of("id", work[1]));
                tx.prepare();
                conn.invalidate(); // the process dies: its JDBC connection goes away, the transaction stays prepared
            }
            crashing.dispose();
        }
        Recorder recorder = new Recorder();
        try (Engine recovering = Engine.builder(url).listener(recorder).build();
                Connection conn = recovering.connect()) {
            assertThat(ids(recovering)).isEmpty();
            assertThat(conn.recoverTwoPhase()).contains(commitMe, rollMeBack);
            conn.commitPrepared(commitMe);
            conn.rollbackPrepared(rollMeBack);
            assertThat(conn.recoverTwoPhase()).doesNotContain(commitMe, rollMeBack);
            assertThat(ids(recovering)).containsExactly(1);
        }
    }

    @OnEachDatabase
    void closingWithAnUnfinishedTwoPhaseTransactionRollsItBack(TestDatabase db) {
        Recorder recorder = new Recorder();
        try (Engine engine = setUp(db.url(), recorder)) {
            try (Connection conn = engine.connect()) {
                conn.beginTwoPhase(xid(db, "close"));
                conn.execute(INSERT, Map.of("id", 1));
            }
            assertThat(twoPhaseEvents(recorder)).containsExactly("beginTwoPhase", "rollbackTwoPhase:false");
            assertThat(recorder.events).doesNotContain("rollback");
            assertThat(ids(engine)).isEmpty();
            try (Connection conn = engine.connect()) {
                conn.execute(INSERT, Map.of("id", 2));
                conn.commit();
            }
            assertThat(ids(engine)).containsExactly(2);
        }
    }

    @OnEachDatabase
    void twoPhaseCannotStartInsideATransaction(TestDatabase db) {
        try (Engine engine = setUp(db.url(), new Recorder()); Connection conn = engine.connect()) {
            conn.execute(INSERT, Map.of("id", 1));
            assertThatThrownBy(() -> conn.commitPrepared("retort_tp_none")).isInstanceOf(
                    InvalidRequestException.class).hasMessageStartingWith(
                            "commitPrepared() cannot run while a transaction is in progress");
            assertThatThrownBy(conn::beginTwoPhase).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("Cannot start a two phase transaction when a transaction is already in progress.");
            conn.rollback();
            TwoPhaseTransaction tx = conn.beginTwoPhase(xid(db, "after"));
            conn.execute(INSERT, Map.of("id", 1));
            tx.prepare();
            tx.commit();
            assertThatThrownBy(tx::prepare).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("This transaction is inactive");
            assertThat(ids(engine)).containsExactly(1);
        }
    }
}
