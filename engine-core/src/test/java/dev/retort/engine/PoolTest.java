package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.event.ConnectionRecord;
import dev.retort.engine.event.PoolListener;
import dev.retort.engine.exc.DBAPIException;
import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.exc.PendingRollbackException;
import dev.retort.engine.exc.PoolTimeoutException;
import dev.retort.engine.exc.ResourceClosedException;
import dev.retort.engine.pool.PoolClass;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Pool events, invalidation, detach, pre-ping, recycle and exhaustion (issue #4, sections 5 and 7). */
class PoolTest {

    /** Records pool events with the identity of the physical connection. */
    static final class PoolRecorder implements PoolListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        private void add(String name, java.sql.Connection dbapi) {
            events.add(name + "@" + System.identityHashCode(dbapi));
        }

        List<String> names() {
            return events.stream().map(e -> e.substring(0, e.indexOf('@'))).toList();
        }

        @Override
        public void connect(java.sql.Connection dbapi, ConnectionRecord record) {
            record.info().put("connected", true);
            add("connect", dbapi);
        }

        @Override
        public void firstConnect(java.sql.Connection dbapi, ConnectionRecord record) {
            add("firstConnect", dbapi);
        }

        @Override
        public void checkout(java.sql.Connection dbapi, ConnectionRecord record) {
            add("checkout", dbapi);
        }

        @Override
        public void checkin(java.sql.Connection dbapi, ConnectionRecord record) {
            add("checkin", dbapi);
        }

        @Override
        public void reset(java.sql.Connection dbapi, ConnectionRecord record) {
            add("reset", dbapi);
        }

        @Override
        public void invalidate(java.sql.Connection dbapi, ConnectionRecord record, @Nullable Throwable cause) {
            add("invalidate", dbapi);
        }

        @Override
        public void softInvalidate(java.sql.Connection dbapi, ConnectionRecord record, @Nullable Throwable cause) {
            add("softInvalidate", dbapi);
        }

        @Override
        public void close(java.sql.Connection dbapi, ConnectionRecord record) {
            add("close", dbapi);
        }

        @Override
        public void detach(java.sql.Connection dbapi, ConnectionRecord record) {
            add("detach", dbapi);
        }

        @Override
        public void closeDetached(java.sql.Connection dbapi) {
            add("closeDetached", dbapi);
        }
    }

    private static Engine engine(String name, PoolListener listener) {
        return Engine.builder("h2:mem:" + name).poolSize(1).maxOverflow(0).poolListener(listener).build();
    }

    @Test
    void connectFiresOncePerPhysicalConnectionCheckoutPerUse() {
        PoolRecorder r = new PoolRecorder();
        try (Engine engine = engine("pool1", r)) {
            for (int i = 0; i < 3; i++) {
                try (Connection c = engine.connect()) {
                    c.execute(Sql.text("SELECT 1"));
                    assertThat(c.info()).containsEntry("connected", true);
                }
            }
            assertThat(r.names()).containsExactly("connect", "firstConnect", "checkout", "reset", "checkin",
                    "checkout", "reset", "checkin", "checkout", "reset", "checkin");
            assertThat(r.events.stream().map(e -> e.substring(e.indexOf('@'))).distinct()).hasSize(1);
        }
    }

    @Test
    void checkoutWaitIsReportedAfterEachCheckout() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        PoolListener timer = new PoolListener() {
            @Override
            public void checkoutWait(java.sql.Connection dbapi, Duration wait) {
                waits.add(wait);
            }
        };
        try (Engine engine = engine("pool0", timer)) {
            engine.scalar(Sql.text("SELECT 1"));
            engine.scalar(Sql.text("SELECT 1"));
            assertThat(waits).hasSize(2).allSatisfy(d -> assertThat(d).isPositive());
        }
    }

    @Test
    void infoTravelsWithThePhysicalConnection() {
        try (Engine engine = Engine.builder("h2:mem:pool2").poolSize(1).maxOverflow(0).build()) {
            try (Connection c = engine.connect()) {
                c.info().put("tenant", "acme");
            }
            try (Connection c = engine.connect()) {
                assertThat(c.info()).containsEntry("tenant", "acme");
                c.invalidate();
                c.execute(Sql.text("SELECT 1"));
                assertThat(c.info()).doesNotContainKey("tenant");
            }
        }
    }

    @Test
    void invalidateOutsideATransactionReconnectsOnNextUse() {
        PoolRecorder r = new PoolRecorder();
        try (Engine engine = engine("pool3", r); Connection c = engine.connect()) {
            c.execute(Sql.text("SELECT 1"));
            c.rollback();
            c.invalidate();
            assertThat(c.isInvalidated()).isTrue();
            assertThat(c.isClosed()).isFalse();
            c.invalidate();
            assertThat(c.scalar(Sql.text("SELECT 2"))).isEqualTo(2);
            assertThat(c.isInvalidated()).isFalse();
            assertThat(r.names()).containsSubsequence("invalidate", "close", "connect", "checkout");
        }
    }

    @Test
    void invalidateInsideATransactionRequiresRollback() {
        try (Engine engine = Engine.create("h2:mem:pool4"); Connection c = engine.connect()) {
            c.execDriverSql("CREATE TABLE p4 (id INT)");
            c.commit();
            c.execute(Sql.text("INSERT INTO p4 VALUES (1)"));
            NestedTransaction sp = c.beginNested();
            c.invalidate();
            Transaction t = c.getTransaction().orElseThrow();
            assertThat(t.isActive()).isTrue();
            assertThat(t.isValid()).isFalse();
            assertThatThrownBy(() -> c.execute(Sql.text("SELECT 1"))).isInstanceOf(PendingRollbackException.class)
                    .hasMessage("Can't reconnect until invalid savepoint transaction is rolled back.  Please "
                            + "rollback() fully before proceeding");
            sp.rollback();
            assertThatThrownBy(c::beginNested).isInstanceOf(PendingRollbackException.class);
            assertThatThrownBy(c::commit).isInstanceOf(PendingRollbackException.class)
                    .hasMessageContaining("invalid transaction is rolled back");
            c.rollback();
            assertThat(((Number) c.scalar(Sql.text("SELECT COUNT(*) FROM p4"))).intValue()).isZero();
        }
    }

    @Test
    void closedAndInvalidatedConnectionsGiveClearErrors() {
        try (Engine engine = Engine.create("h2:mem:pool5")) {
            Connection c = engine.connect();
            c.invalidate();
            assertThatThrownBy(c::detach).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("Can't detach an invalidated Connection");
            c.close();
            assertThat(c.isClosed()).isTrue();
            assertThat(c.isInvalidated()).isTrue();
            assertThatThrownBy(() -> c.execute(Sql.text("SELECT 1"))).isInstanceOf(ResourceClosedException.class)
                    .hasMessageContaining("This Connection is closed");
            assertThatThrownBy(c::invalidate).isInstanceOf(ResourceClosedException.class);
            assertThatThrownBy(c::detach).isInstanceOf(ResourceClosedException.class);
        }
    }

    @Test
    void detachedConnectionKeepsWorkingAndIsClosedForReal() {
        PoolRecorder r = new PoolRecorder();
        try (Engine engine = engine("pool6", r)) {
            Connection c = engine.connect();
            c.detach();
            assertThat(c.scalar(Sql.text("SELECT 3"))).isEqualTo(3);
            c.close();
            assertThat(r.names()).containsSubsequence("checkout", "detach", "closeDetached");
            assertThat(r.names()).doesNotContain("checkin");
            try (Connection next = engine.connect()) {
                assertThat(next.scalar(Sql.text("SELECT 4"))).isEqualTo(4);
            }
            assertThat(r.names().stream().filter("connect"::equals)).hasSize(2);
        }
    }

    @Test
    void exhaustedPoolTimesOutWithAnExplanation() {
        try (Engine engine = Engine.builder("h2:mem:pool7").poolSize(1).maxOverflow(1)
                .poolTimeout(Duration.ofMillis(300)).build()) {
            try (Connection a = engine.connect(); Connection b = engine.connect()) {
                assertThat(engine.pool().checkedOut()).isEqualTo(2);
                assertThatThrownBy(engine::connect).isInstanceOf(PoolTimeoutException.class)
                        .hasMessageContaining("Pool limit of size 1 overflow 1 reached")
                        .hasMessageContaining("2 connections checked out")
                        .hasMessageContaining("raise poolSize/maxOverflow");
            }
            assertThat(engine.pool().checkedOut()).isZero();
            assertThat(engine.pool().status()).contains("Current Checked out connections: 0");
        }
    }

    @Test
    void prePingReplacesAConnectionKilledOnTheServer() throws Exception {
        PoolRecorder r = new PoolRecorder();
        try (Engine engine = Engine.builder("h2:mem:pool8").poolSize(1).maxOverflow(1).poolPrePing(true)
                .poolListener(r).build()) {
            Object sessionId;
            try (Connection victim = engine.connect()) {
                sessionId = victim.scalar(Sql.text("SELECT SESSION_ID()"));
            }
            try (java.sql.Connection killer = java.sql.DriverManager.getConnection("jdbc:h2:mem:pool8");
                    var st = killer.createStatement()) {
                st.execute("CALL ABORT_SESSION(" + sessionId + ")");
            }
            try (Connection c = engine.connect()) {
                assertThat(c.scalar(Sql.text("SELECT 5"))).isEqualTo(5);
                assertThat(c.scalar(Sql.text("SELECT SESSION_ID()"))).isNotEqualTo(sessionId);
            }
            assertThat(r.names()).contains("invalidate");
        }
    }

    @Test
    void disconnectDuringAStatementInvalidatesTheConnectionAndThePool() throws Exception {
        PoolRecorder r = new PoolRecorder();
        try (Engine engine = Engine.builder("h2:mem:pool9").poolSize(2).maxOverflow(0).poolListener(r).build();
                Connection c = engine.connect()) {
            c.execDriverSql("CREATE TABLE p9 (id INT)");
            c.commit();
            Object idleSession;
            try (Connection other = engine.connect()) {
                idleSession = other.scalar(Sql.text("SELECT SESSION_ID()"));
            }
            c.execute(Sql.text("INSERT INTO p9 VALUES (1)"));
            Object sessionId = c.scalar(Sql.text("SELECT SESSION_ID()"));
            try (java.sql.Connection killer = java.sql.DriverManager.getConnection("jdbc:h2:mem:pool9");
                    var st = killer.createStatement()) {
                st.execute("CALL ABORT_SESSION(" + sessionId + ")");
            }
            assertThatThrownBy(() -> c.execute(Sql.text("SELECT 1")))
                    .isInstanceOfSatisfying(DBAPIException.class, e -> assertThat(e.connectionInvalidated()).isTrue());
            assertThat(c.isInvalidated()).isTrue();
            assertThat(c.isClosed()).isFalse();
            assertThatThrownBy(() -> c.execute(Sql.text("SELECT 1"))).isInstanceOf(PendingRollbackException.class);
            c.rollback();
            assertThat(((Number) c.scalar(Sql.text("SELECT COUNT(*) FROM p9"))).intValue()).isZero();
            assertThat(r.names()).contains("invalidate", "softInvalidate");
            try (Connection fresh = engine.connect()) {
                assertThat(fresh.scalar(Sql.text("SELECT SESSION_ID()"))).isNotEqualTo(idleSession);
            }
        }
    }

    @Test
    void recycleReplacesOldConnections() throws Exception {
        PoolRecorder r = new PoolRecorder();
        try (Engine engine = Engine.builder("h2:mem:pool10").poolSize(1).maxOverflow(0)
                .poolRecycle(Duration.ofMillis(50)).poolListener(r).build()) {
            Object first;
            try (Connection c = engine.connect()) {
                first = c.scalar(Sql.text("SELECT SESSION_ID()"));
            }
            Thread.sleep(120);
            try (Connection c = engine.connect()) {
                assertThat(c.scalar(Sql.text("SELECT SESSION_ID()"))).isNotEqualTo(first);
            }
            assertThat(r.names().stream().filter("connect"::equals)).hasSize(2);
        }
    }

    @Test
    void disposeClosesIdleConnectionsAndFirstConnectFiresAgain() {
        PoolRecorder r = new PoolRecorder();
        try (Engine engine = engine("pool11", r)) {
            engine.scalar(Sql.text("SELECT 1"));
            engine.dispose();
            engine.scalar(Sql.text("SELECT 1"));
            assertThat(r.names()).containsSubsequence("firstConnect", "close", "firstConnect");
        }
    }

    @Test
    void leakedConnectionsAreReportedAndReturned() throws Exception {
        ch.qos.logback.classic.Logger leakLog =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.retort.engine.leak");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        leakLog.addAppender(appender);
        try (Engine engine = Engine.builder("h2:mem:pool18").poolSize(1).maxOverflow(0).leakDetection(true)
                .poolTimeout(Duration.ofSeconds(5)).build()) {
            leak(engine);
            for (int i = 0; i < 50 && appender.list.isEmpty(); i++) {
                System.gc();
                Thread.sleep(20);
            }
            assertThat(appender.list).isNotEmpty();
            assertThat(appender.list.get(0).getFormattedMessage()).contains("garbage-collected without close()");
            assertThat(appender.list.get(0).getThrowableProxy().getStackTraceElementProxyArray())
                    .anySatisfy(frame -> assertThat(frame.toString()).contains("PoolTest.leak("));
            try (Connection c = engine.connect()) {
                assertThat(c.scalar(Sql.text("SELECT 1"))).isEqualTo(1);
            }
        } finally {
            leakLog.detachAppender(appender);
        }
    }

    private static void leak(Engine engine) {
        engine.connect().execute(Sql.text("SELECT 1"));
    }

    @Test
    void aFailingListenerDoesNotLoseThePoolSlot() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        PoolListener flaky = new PoolListener() {
            @Override
            public void connect(java.sql.Connection dbapi, ConnectionRecord record) {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("connect listener failed");
                }
                record.info().put("ready", true);
            }
        };
        try (Engine engine = Engine.builder("h2:mem:pool19").poolSize(1).maxOverflow(0)
                .poolTimeout(Duration.ofMillis(500)).poolListener(flaky).build()) {
            assertThatThrownBy(engine::connect).isInstanceOf(IllegalStateException.class)
                    .hasMessage("connect listener failed");
            assertThat(engine.pool().checkedOut()).isZero();
            try (Connection c = engine.connect()) {
                assertThat(c.info()).containsEntry("ready", true);
            }
            assertThat(calls.get()).isEqualTo(2);
        }
    }

    @Test
    void disposeLeavesConnectionsInUseWorking() {
        try (Engine engine = Engine.builder("h2:mem:pool20").poolSize(2).maxOverflow(0).build();
                Connection busy = engine.connect()) {
            busy.execDriverSql("CREATE TABLE p20 (id INT)");
            busy.execute(Sql.text("INSERT INTO p20 VALUES (1)"));
            engine.dispose();
            busy.execute(Sql.text("INSERT INTO p20 VALUES (2)"));
            busy.commit();
            assertThat(((Number) engine.scalar(Sql.text("SELECT COUNT(*) FROM p20"))).intValue()).isEqualTo(2);
        }
    }

    @Test
    void aBorrowedHikariPoolReportsItsOwnSizes() {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:pool21;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(7);
        config.setMinimumIdle(2);
        try (com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource(config);
                Engine engine = Engine.builder(ds).build()) {
            assertThat(engine.pool().size()).isEqualTo(2);
            assertThat(engine.pool().maxSize()).isEqualTo(7);
            assertThat(engine.name()).isEqualTo("h2");
        }
    }

    @Test
    void closedEngineRefusesWork() {
        Engine engine = Engine.create("h2:mem:pool12");
        engine.close();
        assertThat(engine.isClosed()).isTrue();
        assertThatThrownBy(engine::connect).isInstanceOf(ResourceClosedException.class)
                .hasMessageContaining("This Engine is closed");
    }

    @Test
    void nullPoolOpensAPhysicalConnectionPerCheckout() {
        PoolRecorder r = new PoolRecorder();
        try (Engine engine = Engine.builder("h2:mem:pool13").poolClass(PoolClass.NULL).poolListener(r).build()) {
            engine.scalar(Sql.text("SELECT 1"));
            engine.scalar(Sql.text("SELECT 1"));
            assertThat(engine.pool().poolClass()).isEqualTo(PoolClass.NULL);
            assertThat(r.names().stream().filter("connect"::equals)).hasSize(2);
            assertThat(engine.pool().checkedOut()).isZero();
        }
    }

    @Test
    void staticPoolSharesOnePhysicalConnection() {
        PoolRecorder r = new PoolRecorder();
        try (Engine engine = Engine.builder("h2:mem:pool14").poolClass(PoolClass.STATIC).poolListener(r).build()) {
            Object s1 = engine.scalar(Sql.text("SELECT SESSION_ID()"));
            Object s2 = engine.scalar(Sql.text("SELECT SESSION_ID()"));
            assertThat(s1).isEqualTo(s2);
            assertThat(r.names().stream().filter("connect"::equals)).hasSize(1);
        }
    }

    @Test
    void poolListenersCanBeAddedAndRemoved() {
        PoolRecorder r = new PoolRecorder();
        try (Engine engine = Engine.builder("h2:mem:pool15").poolSize(1).maxOverflow(0).build()) {
            engine.addPoolListener(r);
            engine.scalar(Sql.text("SELECT 1"));
            engine.removePoolListener(r);
            engine.scalar(Sql.text("SELECT 1"));
            assertThat(r.names()).containsExactly("connect", "firstConnect", "checkout", "reset", "checkin");
        }
    }

}
