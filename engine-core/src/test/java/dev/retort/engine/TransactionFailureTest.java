package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retort.engine.exc.DBAPIException;
import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.exc.NotSupportedException;
import dev.retort.engine.exc.PendingRollbackException;
import dev.retort.engine.exc.ProgrammingException;
import dev.retort.engine.testing.OnEachDatabase;
import dev.retort.engine.testing.Recorder;
import dev.retort.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Failures inside transactions never look like success: a JDBC connection the pool closed is a disconnect, a prepared
 * two-phase transaction takes no more statements, and a transaction the database aborted cannot be committed.
 */
class TransactionFailureTest {

    private static final TextClause INSERT = Sql.text("INSERT INTO tf_items (id) VALUES (:id)");
    private static final TextClause COUNT = Sql.text("SELECT COUNT(*) FROM tf_items");

    private static Engine setUp(TestDatabase db, Recorder recorder) {
        Engine engine = db.builder().listener(recorder).build();
        try (Connection c = engine.connect()) {
            // a transaction an earlier failed run left prepared would hold its locks and block the DROP
            for (String xid : c.recoverTwoPhase()) {
                if (xid.startsWith("retort_tf_")) {
                    c.rollbackPrepared(xid);
                }
            }
            c.execDriverSql("DROP TABLE IF EXISTS tf_items");
            c.execDriverSql("CREATE TABLE tf_items (id INT PRIMARY KEY)");
            c.commit();
        }
        recorder.clear();
        return engine;
    }

    private static int count(Engine engine) {
        try (Connection c = engine.connect()) {
            return ((Number) c.scalar(COUNT)).intValue();
        }
    }

    private static Engine postgresql(Recorder recorder) {
        TestDatabase.POSTGRESQL.requireAvailable();
        return setUp(TestDatabase.POSTGRESQL, recorder);
    }

    // ------------------------------------------------------------ a JDBC connection the pool closed

    @Test
    void aConnectionThePoolClosedAfterAFatalStateIsInvalidatedAndReconnects() {
        try (Engine engine = postgresql(new Recorder()); Connection conn = engine.connect()) {
            Transaction tx = conn.begin();
            conn.execute(INSERT, Map.of("id", 1));
            // SQLState 0A000: HikariCP evicts the connection and swaps its proxy for a closed stand-in
            DBAPIException error = catchThrowableOfType(DBAPIException.class,
                    () -> conn.execDriverSql("SELECT count(*) FROM tf_items FOR UPDATE"));

            assertThat(error).isInstanceOf(NotSupportedException.class)
                    .hasMessageContaining("connection was invalidated");
            assertThat(error.connectionInvalidated()).isTrue();
            assertThat(conn.isInvalidated()).isTrue();
            assertThat(tx.isValid()).isFalse();
            assertThatThrownBy(() -> conn.execute(COUNT)).isInstanceOf(PendingRollbackException.class);

            conn.rollback();
            assertThat(((Number) conn.scalar(COUNT)).intValue()).isZero();
            assertThat(conn.isInvalidated()).isFalse();
            conn.execute(INSERT, Map.of("id", 2));
            conn.commit();
        }
    }

    @Test
    void outsideAnExplicitTransactionTheNextStatementReconnects() {
        try (Engine engine = postgresql(new Recorder()); Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execDriverSql("SELECT count(*) FROM tf_items FOR UPDATE"))
                    .isInstanceOf(NotSupportedException.class);
            assertThat(conn.isInvalidated()).isTrue();
            conn.rollback();
            assertThat(((Number) conn.scalar(COUNT)).intValue()).isZero();
            assertThat(engine.pool().checkedOut()).isEqualTo(1);
        }
    }

    @Test
    void aSessionEndedByIdleInTransactionTimeoutIsADisconnect() throws InterruptedException {
        try (Engine engine = postgresql(new Recorder()); Connection conn = engine.connect()) {
            conn.execDriverSql("SET idle_in_transaction_session_timeout = 300");
            conn.commit();
            conn.execute(INSERT, Map.of("id", 1));
            Thread.sleep(1_500); // the server ends the session after 300 ms idle in the transaction

            DBAPIException error = catchThrowableOfType(DBAPIException.class, () -> conn.execute(COUNT));
            assertThat(error.connectionInvalidated()).isTrue();
            assertThat(conn.isInvalidated()).isTrue();
            assertThatThrownBy(() -> conn.execute(COUNT)).isInstanceOf(PendingRollbackException.class);
            conn.rollback();
            assertThat(((Number) conn.scalar(COUNT)).intValue()).isZero();
        }
    }

    @Test
    void losingTheConnectionAfterPrepareReportsTheLossNotAClosedConnection() {
        TestDatabase db = TestDatabase.POSTGRESQL;
        try (Engine engine = postgresql(new Recorder()); Connection conn = engine.connect()) {
            long session = DisconnectTest.sessionId(db, conn);
            conn.rollback();
            String xid = "retort_tf_" + Long.toHexString(System.nanoTime());
            TwoPhaseTransaction tx = conn.beginTwoPhase(xid);
            conn.execute(INSERT, Map.of("id", 1));
            tx.prepare();
            DisconnectTest.kill(db, session);

            DBAPIException error = catchThrowableOfType(DBAPIException.class, tx::commit);
            assertThat(error.orig().getSQLState()).as("the driver's own error, not HikariCP's 'Connection is closed'")
                    .isNotNull();
            assertThat(error.connectionInvalidated()).isTrue();
            assertThat(conn.isInvalidated()).isTrue();
            conn.rollback();

            // the prepared transaction survived the lost session and is finished by recovery
            assertThat(conn.recoverTwoPhase()).contains(xid);
            conn.rollbackPrepared(xid);
            assertThat(count(engine)).isZero();
        }
    }

    // ------------------------------------------------------------ a prepared two-phase transaction

    @OnEachDatabase
    void aPreparedTwoPhaseTransactionTakesNoMoreStatementsAndPreparesOnce(TestDatabase db) {
        Recorder recorder = new Recorder();
        try (Engine engine = setUp(db, recorder); Connection conn = engine.connect()) {
            TwoPhaseTransaction tx = conn.beginTwoPhase("retort_tf_" + db.name() + Long.toHexString(System.nanoTime()));
            conn.execute(INSERT, Map.of("id", 1));
            tx.prepare();

            assertThatThrownBy(() -> conn.execute(INSERT, Map.of("id", 2))).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("prepared");
            assertThatThrownBy(() -> conn.execDriverSql("SELECT 1")).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(conn::beginNested).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(tx::prepare).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("already prepared");
            assertThat(recorder.events.stream().filter(e -> e.startsWith("prepareTwoPhase")).count()).isEqualTo(1);

            tx.rollback();
            assertThat(count(engine)).isZero();
            conn.execute(INSERT, Map.of("id", 3));
            conn.commit();
            assertThat(count(engine)).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------ a transaction the database aborted

    @Test
    void commitAfterTheDatabaseAbortedTheTransactionRaisesAndCommitsNothing() {
        try (Engine engine = postgresql(new Recorder()); Connection conn = engine.connect()) {
            conn.execute(INSERT, Map.of("id", 1));
            assertThatThrownBy(() -> conn.execDriverSql("SELECT 1/0")).isInstanceOf(DBAPIException.class);

            assertThatThrownBy(conn::commit).isInstanceOf(PendingRollbackException.class)
                    .hasMessageContaining("rolled the transaction back").hasMessageContaining("nothing was committed")
                    .hasMessageContaining("division by zero").hasCauseInstanceOf(DBAPIException.class);
            assertThatThrownBy(() -> conn.execute(COUNT)).isInstanceOf(PendingRollbackException.class)
                    .hasMessageContaining("commit() failed").hasMessageContaining("rollback()");
            assertThat(conn.isInvalidated()).isFalse();
            conn.rollback();
            assertThat(count(engine)).isZero();
            conn.execute(INSERT, Map.of("id", 2));
            conn.commit();
            assertThat(count(engine)).isEqualTo(1);
        }
    }

    @Test
    void anExplicitTransactionsCommitAfterAnAbortRaisesToo() {
        try (Engine engine = postgresql(new Recorder()); Connection conn = engine.connect()) {
            Transaction tx = conn.begin();
            conn.execute(INSERT, Map.of("id", 1));
            assertThatThrownBy(() -> conn.execute(INSERT, Map.of("id", 1))).isInstanceOf(DBAPIException.class);
            assertThatThrownBy(tx::commit).isInstanceOf(PendingRollbackException.class)
                    .hasMessageContaining("nothing was committed");
            assertThat(tx.isActive()).isFalse();
            tx.rollback();
            assertThat(count(engine)).isZero();
        }
    }

    @OnEachDatabase
    void aFailureTheSavepointRolledBackDoesNotStopTheCommit(TestDatabase db) {
        try (Engine engine = setUp(db, new Recorder()); Connection conn = engine.connect()) {
            conn.execute(INSERT, Map.of("id", 1));
            NestedTransaction sp = conn.beginNested();
            assertThatThrownBy(() -> conn.execute(INSERT, Map.of("id", 1))).isInstanceOf(DBAPIException.class);
            sp.rollback();
            conn.execute(INSERT, Map.of("id", 2));
            conn.commit();
            assertThat(count(engine)).isEqualTo(2);
        }
    }

    @OnEachDatabase
    void aFailureAfterASavepointWasReleasedStillStopsTheCommitWhereTheDatabaseAborts(TestDatabase db) {
        try (Engine engine = setUp(db, new Recorder()); Connection conn = engine.connect()) {
            conn.execute(INSERT, Map.of("id", 1));
            conn.beginNested().commit();
            assertThatThrownBy(() -> conn.execute(Sql.text("SELECT * FROM tf_missing")))
                    .isInstanceOf(ProgrammingException.class);
            if (db.isPostgresql()) {
                assertThatThrownBy(conn::commit).isInstanceOf(PendingRollbackException.class);
                conn.rollback();
                assertThat(count(engine)).isZero();
            } else {
                // H2 and MariaDB keep the transaction after a failed statement: the earlier insert commits
                conn.commit();
                assertThat(count(engine)).isEqualTo(1);
            }
        }
    }

    @Test
    void aFailureInsideASavepointThatIsReleasedStopsTheCommit() {
        try (Engine engine = postgresql(new Recorder()); Connection conn = engine.connect()) {
            conn.execute(INSERT, Map.of("id", 1));
            NestedTransaction sp = conn.beginNested();
            assertThatThrownBy(() -> conn.execute(INSERT, Map.of("id", 1))).isInstanceOf(DBAPIException.class);
            assertThatThrownBy(sp::commit).isInstanceOf(DBAPIException.class); // RELEASE in an aborted transaction
            assertThatThrownBy(conn::commit).isInstanceOf(PendingRollbackException.class);
            conn.rollback();
            assertThat(count(engine)).isZero();
        }
    }

    @Test
    void aClientSideBindErrorDoesNotCountAsAnAbort() {
        try (Engine engine = postgresql(new Recorder()); Connection conn = engine.connect()) {
            conn.execute(INSERT, Map.of("id", 1));
            assertThatThrownBy(() -> conn.execute(INSERT, Map.of("id", new Object())))
                    .isInstanceOf(DBAPIException.class);
            conn.commit();
            assertThat(count(engine)).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------ what a failed commit says

    @Test
    void aFailedCommitSaysSoInsteadOfTalkingAboutReconnecting() {
        try (Engine engine = postgresql(new Recorder()); Connection conn = engine.connect()) {
            conn.execDriverSql("DROP TABLE IF EXISTS tf_deferred");
            conn.execDriverSql("CREATE TABLE tf_deferred (id INT, CONSTRAINT tf_deferred_u UNIQUE (id) "
                    + "DEFERRABLE INITIALLY DEFERRED)");
            conn.commit();
            conn.execDriverSql("INSERT INTO tf_deferred VALUES (1), (1)");
            assertThatThrownBy(conn::commit).isInstanceOf(DBAPIException.class);
            assertThatThrownBy(() -> conn.execDriverSql("SELECT 1")).isInstanceOf(PendingRollbackException.class)
                    .hasMessageStartingWith("The previous commit() failed, so nothing was committed")
                    .hasMessageContaining("tf_deferred_u").hasMessageContaining("Call rollback()")
                    .hasMessageNotContaining("reconnect");
            conn.rollback();
            conn.execDriverSql("DROP TABLE tf_deferred");
            conn.commit();
        }
    }

    @OnEachDatabase
    void anInvalidatedTransactionStillSaysItMustBeRolledBack(TestDatabase db) {
        try (Engine engine = setUp(db, new Recorder()); Connection conn = engine.connect()) {
            conn.execute(INSERT, Map.of("id", 1));
            conn.invalidate();
            assertThatThrownBy(() -> conn.execute(COUNT)).isInstanceOf(PendingRollbackException.class)
                    .hasMessage("Can't reconnect until invalid transaction is rolled back.  Please rollback() fully "
                            + "before proceeding");
            conn.rollback();
            assertThat(List.of(count(engine))).containsExactly(0);
        }
    }
}
