package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.exc.IntegrityException;
import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.exc.PendingRollbackException;
import dev.retort.engine.testing.OnEachDatabase;
import dev.retort.engine.testing.Recorder;
import dev.retort.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/** SQLAlchemy 2.0 transaction semantics, on every test database. */
class TransactionTest {

    private static final TextClause INSERT = Sql.text("INSERT INTO tx_users (id, name) VALUES (:id, :name)");
    private static final TextClause COUNT = Sql.text("SELECT COUNT(*) FROM tx_users");
    private static final TextClause IDS = Sql.text("SELECT id FROM tx_users ORDER BY id");

    private Engine setUp(TestDatabase db, Recorder recorder) {
        Engine engine = db.builder().listener(recorder).build();
        try (Connection c = engine.connect()) {
            c.execDriverSql("DROP TABLE IF EXISTS tx_users");
            c.execDriverSql("CREATE TABLE tx_users (id INT PRIMARY KEY, name VARCHAR(50))");
            c.commit();
        }
        recorder.clear();
        return engine;
    }

    private static Map<String, Object> user(int id) {
        return Map.of("id", id, "name", "user" + id);
    }

    private static List<Object> ids(Engine engine) {
        try (Connection c = engine.connect()) {
            return c.scalars(IDS).all().stream().map(v -> (Object) ((Number) v).intValue()).toList();
        }
    }

    @OnEachDatabase
    void explicitBeginCommitsAndRollsBack(TestDatabase db) {
        try (Engine engine = setUp(db, new Recorder()); Connection conn = engine.connect()) {
            Transaction t = conn.begin();
            conn.execute(INSERT, user(1));
            t.commit();
            t = conn.begin();
            conn.execute(INSERT, List.of(user(2), user(3)));
            t.commit();
            t = conn.begin();
            conn.execute(INSERT, List.of(user(4), user(5), user(6)));
            t.rollback();
            assertThat(ids(engine)).containsExactly(1, 2, 3);
        }
    }

    @OnEachDatabase
    void autobeginAndCommitAsYouGo(TestDatabase db) {
        Recorder recorder = new Recorder();
        try (Engine engine = setUp(db, recorder); Connection conn = engine.connect()) {
            assertThat(conn.inTransaction()).isFalse();
            conn.commit();
            conn.rollback();
            conn.execute(INSERT, user(1));
            assertThat(conn.inTransaction()).isTrue();
            conn.commit();
            assertThat(conn.inTransaction()).isFalse();
            conn.execute(INSERT, user(2));
            assertThat(conn.inTransaction()).isTrue();
            conn.rollback();
            assertThat(ids(engine)).containsExactly(1);
            assertThat(recorder.events).containsSubsequence("begin", "commit", "begin", "rollback");
        }
    }

    @OnEachDatabase
    void closeWithoutCommitRollsBack(TestDatabase db) {
        Recorder recorder = new Recorder();
        try (Engine engine = setUp(db, recorder)) {
            try (Connection conn = engine.connect()) {
                conn.execute(INSERT, user(1));
            }
            assertThat(recorder.events).endsWith("rollback");
            assertThat(ids(engine)).isEmpty();
        }
    }

    @OnEachDatabase
    void doubleBeginIsRefused(TestDatabase db) {
        try (Engine engine = setUp(db, new Recorder()); Connection conn = engine.connect()) {
            conn.begin();
            assertThatThrownBy(conn::begin).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("already initialized a Transaction() object via begin() or autobegin");
            conn.rollback();
            conn.execute(INSERT, user(1));
            assertThatThrownBy(conn::begin).isInstanceOf(InvalidRequestException.class);
        }
    }

    @OnEachDatabase
    void integrityErrorDoesNotEndTheTransaction(TestDatabase db) {
        try (Engine engine = setUp(db, new Recorder()); Connection conn = engine.connect()) {
            Transaction t = conn.begin();
            conn.execute(INSERT, user(1));
            conn.execute(INSERT, user(2));
            assertThatThrownBy(() -> conn.execute(INSERT, user(1))).isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("[SQL: INSERT INTO tx_users (id, name) VALUES (?, ?)]");
            assertThat(t.isActive()).isTrue();
            assertThat(conn.inTransaction()).isTrue();
            t.rollback();
            assertThat(ids(engine)).isEmpty();
        }
    }

    @OnEachDatabase
    void engineBeginCommitsOnSuccessAndRollsBackOnError(TestDatabase db) {
        try (Engine engine = setUp(db, new Recorder())) {
            engine.useTransaction(c -> c.execute(INSERT, user(1)));
            IllegalStateException boom = new IllegalStateException("boom");
            assertThatThrownBy(() -> engine.useTransaction(c -> {
                c.execute(INSERT, user(2));
                throw boom;
            })).isSameAs(boom);
            Object count = engine.inTransaction(c -> c.scalar(COUNT));
            assertThat(((Number) count).intValue()).isEqualTo(1);
            assertThat(ids(engine)).containsExactly(1);
        }
    }

    @OnEachDatabase
    void savepointRollbackKeepsOuterTransaction(TestDatabase db) {
        Recorder recorder = new Recorder();
        try (Engine engine = setUp(db, recorder); Connection conn = engine.connect()) {
            Transaction t = conn.begin();
            conn.execute(INSERT, user(1));
            NestedTransaction sp = conn.beginNested();
            conn.execute(INSERT, user(2));
            assertThat(((Number) conn.scalar(COUNT)).intValue()).isEqualTo(2);
            sp.rollback();
            assertThat(t.isActive()).isTrue();
            conn.execute(INSERT, user(3));
            t.commit();
            assertThat(ids(engine)).containsExactly(1, 3);
            assertThat(recorder.events).containsSubsequence("begin", "savepoint:sa_savepoint_1",
                    "rollbackSavepoint:sa_savepoint_1", "commit");
        }
    }

    @OnEachDatabase
    void savepointsFormAStack(TestDatabase db) {
        try (Engine engine = setUp(db, new Recorder()); Connection conn = engine.connect()) {
            Transaction t = conn.begin();
            conn.execute(INSERT, user(1));
            NestedTransaction sp1 = conn.beginNested();
            conn.execute(INSERT, user(2));
            NestedTransaction sp2 = conn.beginNested();
            conn.execute(INSERT, user(3));
            sp2.commit();
            assertThat(conn.getNestedTransaction()).containsSame(sp1);
            sp1.rollback();
            assertThat(conn.getNestedTransaction()).isEmpty();
            assertThat(t.isActive()).isTrue();
            t.commit();
            assertThat(ids(engine)).containsExactly(1);
        }
    }

    @OnEachDatabase
    void rollingBackOuterSavepointEndsInnerOnes(TestDatabase db) {
        try (Engine engine = setUp(db, new Recorder()); Connection conn = engine.connect()) {
            conn.execute(INSERT, user(1));
            NestedTransaction sp1 = conn.beginNested();
            NestedTransaction sp2 = conn.beginNested();
            conn.execute(INSERT, user(2));
            sp1.rollback();
            assertThat(sp2.isActive()).isFalse();
            assertThatThrownBy(sp2::commit).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("This nested transaction is inactive");
            conn.commit();
            assertThat(ids(engine)).containsExactly(1);
        }
    }

    @OnEachDatabase
    void beginNestedAutobeginsTheRootTransaction(TestDatabase db) {
        Recorder recorder = new Recorder();
        try (Engine engine = setUp(db, recorder)) {
            try (Connection conn = engine.connect()) {
                try (NestedTransaction sp = conn.beginNested()) {
                    conn.execute(INSERT, user(1));
                    sp.commit();
                }
                assertThat(conn.inTransaction()).isTrue();
            }
            assertThat(recorder.events).containsSubsequence("begin", "savepoint:sa_savepoint_1",
                    "releaseSavepoint:sa_savepoint_1", "rollback");
            assertThat(ids(engine)).isEmpty();
        }
    }

    @OnEachDatabase
    void endedTransactionRefusesCommitAndWarnsOnRollback(TestDatabase db) {
        try (Engine engine = setUp(db, new Recorder()); Connection conn = engine.connect()) {
            Transaction t = conn.begin();
            t.commit();
            assertThatThrownBy(t::commit).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("This transaction is inactive");
            t.rollback();
            t.close();
            assertThat(conn.inTransaction()).isFalse();
        }
    }

    @OnEachDatabase
    void inNestedReleasesOnSuccessAndRollsBackOnException(TestDatabase db) {
        Recorder recorder = new Recorder();
        try (Engine engine = setUp(db, recorder); Connection conn = engine.connect()) {
            int value = conn.inTransaction(c -> {
                c.execute(INSERT, user(1));
                c.useNested(n -> n.execute(INSERT, user(2)));
                assertThatThrownBy(() -> c.useNested(n -> {
                    n.execute(INSERT, user(3));
                    throw new java.io.IOException("boom");
                })).isInstanceOf(java.io.IOException.class).hasMessage("boom");
                return c.inNested(n -> ((Number) n.scalar(COUNT)).intValue());
            });
            assertThat(value).isEqualTo(2);
            assertThat(conn.inTransaction()).isFalse();
            assertThat(ids(engine)).containsExactly(1, 2);
            assertThat(recorder.events).containsSubsequence("begin", "savepoint:sa_savepoint_1",
                    "releaseSavepoint:sa_savepoint_1", "savepoint:sa_savepoint_2", "rollbackSavepoint:sa_savepoint_2",
                    "savepoint:sa_savepoint_3", "releaseSavepoint:sa_savepoint_3", "commit");
        }
    }

    @OnEachDatabase
    void connectionInTransactionRollsBackOnExceptionAndRefusesWhenOneIsBegun(TestDatabase db) {
        try (Engine engine = setUp(db, new Recorder()); Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.useTransaction(c -> {
                c.execute(INSERT, user(1));
                throw new IllegalStateException("no");
            })).isInstanceOf(IllegalStateException.class).hasMessage("no");
            assertThat(conn.inTransaction()).isFalse();
            assertThat(ids(engine)).isEmpty();

            conn.execute(INSERT, user(2));
            assertThatThrownBy(() -> conn.useTransaction(c -> c.execute(INSERT, user(3))))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("already initialized");
            conn.commit();
            assertThat(ids(engine)).containsExactly(2);
        }
    }

    @org.junit.jupiter.api.Test
    void failedCommitLeavesAPendingRollback() {
        TestDatabase db = TestDatabase.POSTGRESQL;
        db.requireAvailable();
        try (Engine engine = db.engine(); Connection conn = engine.connect()) {
            conn.execDriverSql("DROP TABLE IF EXISTS tx_deferred");
            conn.execDriverSql("CREATE TABLE tx_deferred (id INT, CONSTRAINT tx_deferred_u UNIQUE (id) "
                    + "DEFERRABLE INITIALLY DEFERRED)");
            conn.commit();
            Transaction t = conn.begin();
            conn.execDriverSql("INSERT INTO tx_deferred VALUES (1), (1)");
            assertThatThrownBy(t::commit).isInstanceOf(IntegrityException.class).hasMessageContaining("[SQL: COMMIT]");
            assertThat(t.isActive()).isFalse();
            assertThat(conn.isInvalidated()).isFalse();
            assertThatThrownBy(() -> conn.execute(COUNT_DEFERRED)).isInstanceOf(PendingRollbackException.class)
                    .hasMessageStartingWith("The previous commit() failed, so nothing was committed");
            t.rollback();
            assertThat(((Number) conn.scalar(COUNT_DEFERRED)).intValue()).isZero();
            conn.execDriverSql("DROP TABLE tx_deferred");
            conn.commit();
        }
    }

    private static final TextClause COUNT_DEFERRED = Sql.text("SELECT COUNT(*) FROM tx_deferred");
}
