package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retort.engine.event.ConnectionRecord;
import dev.retort.engine.event.PoolListener;
import dev.retort.engine.exc.DBAPIException;
import dev.retort.engine.exc.OperationalException;
import dev.retort.engine.exc.PendingRollbackException;
import dev.retort.engine.testing.OnEachServer;
import dev.retort.engine.testing.Recorder;
import dev.retort.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A real disconnect in the middle of a transaction: the server kills the session
 * ({@code pg_terminate_backend}, MariaDB {@code KILL}); the connection is invalidated, the error says so, the pool
 * replaces its connections and nothing of the lost transaction is committed.
 */
class DisconnectTest {

    private static final TextClause INSERT = Sql.text("INSERT INTO dc_items (id) VALUES (:id)");
    private static final TextClause COUNT = Sql.text("SELECT COUNT(*) FROM dc_items");

    /** Records pool invalidation events. */
    static final class PoolRecorder implements PoolListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void invalidate(java.sql.Connection dbapi, ConnectionRecord record, @Nullable Throwable cause) {
            events.add("invalidate");
        }

        @Override
        public void softInvalidate(java.sql.Connection dbapi, ConnectionRecord record, @Nullable Throwable cause) {
            events.add("softInvalidate");
        }
    }

    static long sessionId(TestDatabase db, Connection conn) {
        return ((Number) conn.execDriverSql(db.isPostgresql() ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()")
                .scalar()).longValue();
    }

    static void kill(TestDatabase db, long sessionId) {
        try (Engine admin = db.engine(); Connection c = admin.connect()) {
            if (db.isPostgresql()) {
                assertThat(c.execDriverSql("SELECT pg_terminate_backend(?)", (int) sessionId).scalar()).isEqualTo(true);
                // wait until the backend is gone, so the next statement meets a closed session
                while (c.execDriverSql("SELECT 1 FROM pg_stat_activity WHERE pid = ?", (int) sessionId).first()
                        .isPresent()) {
                    c.rollback();
                    Thread.onSpinWait();
                }
            } else {
                c.execDriverSql("KILL " + sessionId);
            }
            c.rollback();
        }
    }

    @OnEachServer
    void aKilledSessionInvalidatesTheConnectionAndThePoolRecovers(TestDatabase db) {
        Recorder recorder = new Recorder();
        PoolRecorder poolRecorder = new PoolRecorder();
        try (Engine engine = db.builder().poolSize(2).listener(recorder).poolListener(poolRecorder).build()) {
            try (Connection c = engine.connect()) {
                c.execDriverSql("DROP TABLE IF EXISTS dc_items");
                c.execDriverSql("CREATE TABLE dc_items (id INT PRIMARY KEY)");
                c.commit();
            }
            Connection conn = engine.connect();
            long killed = sessionId(db, conn);
            long idle;
            try (Connection other = engine.connect()) {
                idle = sessionId(db, other); // stays in the pool, idle
            }
            conn.rollback();
            Transaction tx = conn.begin();
            conn.execute(INSERT, Map.of("id", 1));
            conn.execute(INSERT, Map.of("id", 2));

            kill(db, killed);
            recorder.clear();
            DBAPIException error = catchThrowableOfType(DBAPIException.class,
                    () -> conn.execute(INSERT, Map.of("id", 3)));

            assertThat(error).isInstanceOf(OperationalException.class)
                    .hasMessageContaining("connection was invalidated");
            assertThat(error.connectionInvalidated()).isTrue();
            assertThat(conn.isInvalidated()).isTrue();
            assertThat(conn.isClosed()).isFalse();
            assertThat(recorder.events).contains("handleError");
            assertThat(poolRecorder.events).startsWith("invalidate");

            assertThatThrownBy(() -> conn.execute(COUNT)).isInstanceOf(PendingRollbackException.class)
                    .hasMessage("Can't reconnect until invalid transaction is rolled back.  Please rollback() fully "
                            + "before proceeding");
            assertThat(tx.isActive()).isTrue();
            assertThat(tx.isValid()).isFalse();
            tx.rollback();

            // the same Connection reconnects on its next statement, to a new session
            assertThat(((Number) conn.scalar(COUNT)).intValue()).isZero();
            assertThat(conn.isInvalidated()).isFalse();
            assertThat(sessionId(db, conn)).isNotEqualTo(killed);
            conn.close();

            // the pool dropped its other connections too (they may have been killed with the server) and refills
            try (Connection a = engine.connect(); Connection b = engine.connect()) {
                assertThat(List.of(sessionId(db, a), sessionId(db, b))).doesNotContain(killed, idle);
                a.execute(INSERT, Map.of("id", 10));
                a.commit();
                assertThat(((Number) b.scalar(COUNT)).intValue()).isEqualTo(1);
            }
            assertThat(engine.pool().checkedOut()).isZero();
        }
    }

    @OnEachServer
    void aKilledIdleSessionIsReplacedByPrePing(TestDatabase db) {
        try (Engine engine = db.builder().poolSize(1).maxOverflow(0).poolPrePing(true).build()) {
            long first;
            try (Connection conn = engine.connect()) {
                first = sessionId(db, conn);
            }
            kill(db, first);
            try (Connection conn = engine.connect()) {
                assertThat(sessionId(db, conn)).isNotEqualTo(first);
                assertThat(conn.isInvalidated()).isFalse();
            }
        }
    }
}
