package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.event.ConnectionRecord;
import dev.retort.engine.event.PoolListener;
import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.pool.PoolClass;
import dev.retort.engine.pool.PoolSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Issue 13 items 6 (URL, driver, null parameters), 8 and 10, and the pool layer of issue 14. */
class PoolReliabilityTest {

    private static void abortSession(String db, Object sessionId) throws Exception {
        try (java.sql.Connection killer = java.sql.DriverManager.getConnection("jdbc:h2:mem:" + db);
                var st = killer.createStatement()) {
            st.execute("CALL ABORT_SESSION(" + sessionId + ")");
        }
    }

    @Test
    void softInvalidateFiresAtMostOncePerPhysicalConnection() throws Exception {
        Map<Integer, AtomicInteger> perConnection = new ConcurrentHashMap<>();
        PoolListener counter = new PoolListener() {
            @Override
            public void softInvalidate(java.sql.Connection dbapi, ConnectionRecord record, @Nullable Throwable cause) {
                perConnection.computeIfAbsent(System.identityHashCode(dbapi), k -> new AtomicInteger())
                        .incrementAndGet();
            }
        };
        try (Engine engine = Engine.builder("h2:mem:rel_storm;DB_CLOSE_DELAY=-1").poolSize(2).maxOverflow(0)
                .poolListener(counter).build()) {
            for (int disconnect = 0; disconnect < 4; disconnect++) {
                try (Connection c = engine.connect()) {
                    try (Connection idle = engine.connect()) {
                        idle.scalar(Sql.text("SELECT 1")); // stays in the pool, idle, when c's session dies
                    }
                    Object session = c.scalar(Sql.text("SELECT SESSION_ID()"));
                    c.rollback();
                    abortSession("rel_storm", session);
                    assertThatThrownBy(() -> c.scalar(Sql.text("SELECT 1"))).isInstanceOf(
                            dev.retort.engine.exc.DBAPIException.class);
                }
            }
            assertThat(perConnection).hasSizeGreaterThanOrEqualTo(4);
            assertThat(perConnection.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        }
    }

    @Test
    void overflowConnectionsAreClosedWhenPoolSizeAreIdle() {
        try (Engine engine = Engine.builder("h2:mem:rel_overflow;DB_CLOSE_DELAY=-1").poolSize(1).maxOverflow(2)
                .build()) {
            Connection a = engine.connect();
            Connection b = engine.connect();
            Connection c = engine.connect();
            assertThat(engine.pool().checkedOut()).isEqualTo(3);
            a.close();
            b.close();
            c.close();
            assertThat(engine.pool().checkedOut()).isZero();
            assertThat(engine.pool().checkedIn()).isEqualTo(1);
            assertThat(engine.pool().overflow()).isZero();
        }
    }

    @Test
    void theSessionStateIsResetWhenAConnectionGoesBack() throws Exception {
        for (PoolClass poolClass : PoolClass.values()) {
            try (Engine engine = Engine.builder("h2:mem:rel_reset_" + poolClass + ";DB_CLOSE_DELAY=-1")
                    .poolSize(1).maxOverflow(0).poolClass(poolClass).build()) {
                List<Object> fresh;
                try (Connection c = engine.connect()) {
                    fresh = state(c);
                    c.executionOptions(ExecutionOptions.empty().withIsolationLevel(IsolationLevel.SERIALIZABLE)
                            .withReadOnly(true));
                    c.scalar(Sql.text("SELECT 1"));
                    assertThat(state(c)).isNotEqualTo(fresh);
                }
                try (Connection c = engine.connect()) {
                    assertThat(state(c)).as(poolClass.name()).isEqualTo(fresh);
                }
            }
        }
    }

    private static List<Object> state(Connection c) throws java.sql.SQLException {
        java.sql.Connection jdbc = c.jdbcConnection();
        return List.of(jdbc.getTransactionIsolation(), jdbc.isReadOnly(), jdbc.getAutoCommit());
    }

    @Test
    void poolSettingsAreValidatedOnceForEveryFrontEnd() {
        assertThat(PoolSettings.check(5, 10, Duration.ofSeconds(30), null)).isNull();
        assertThat(PoolSettings.check(5, 10, Duration.ofSeconds(30), Duration.ofSeconds(-1)))
                .isEqualTo(new PoolSettings.Invalid("poolRecycle", PoolSettings.check(5, 10, Duration.ofSeconds(30),
                        Duration.ofSeconds(-1)).message()));
        assertThatThrownBy(() -> Engine.builder("h2:mem:rel_neg").poolRecycle(Duration.ofSeconds(-1)).build())
                .isInstanceOf(ArgumentException.class).hasMessageContaining("poolRecycle must not be negative");
        assertThatThrownBy(() -> Engine.builder("h2:mem:rel_size").poolSize(0).build())
                .isInstanceOf(ArgumentException.class).hasMessageContaining("poolSize must be at least 1");
        assertThat(new PoolSettings(1, 0, Duration.ofSeconds(1), Duration.ZERO, false).recycle()).isNull();
    }

    @Test
    void aUrlWithoutAHostOrWithAPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> EngineUrl.parse("postgresql://u@:5432/db")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("has a port but no name");
        assertThatThrownBy(() -> EngineUrl.parse("postgresql://u:secret@db.example:70000/db"))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("out of range (1-65535)")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aMissingJdbcDriverIsReportedAtBuildNamingTheArtifact() {
        assertThatThrownBy(() -> Engine.builder("mysql://u:secret@localhost:3306/db").build())
                .isInstanceOf(ArgumentException.class).hasMessageContaining("add com.mysql:mysql-connector-j")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Engine.builder("jdbc:postgresql://localhost:99999/db").poolClass(PoolClass.NULL)
                .build()).isInstanceOf(ArgumentException.class).hasMessageContaining("out of range (1-65535)");
    }

    @Test
    void nullParametersMeanNoParameters() {
        try (Engine engine = Engine.create("h2:mem:rel_null"); Connection c = engine.connect()) {
            assertThat(c.execute(Sql.text("SELECT 1"), (Map<String, ?>) null).scalar()).isEqualTo(1);
            Map<String, Object> none = null;
            assertThatThrownBy(() -> c.execute(Sql.text("SELECT :x"), none)).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("A value is required for bind parameter 'x'");
            Map<String, Object> withNullValue = new HashMap<>();
            withNullValue.put("x", null);
            assertThat(c.execute(Sql.text("SELECT CAST(:x AS INT)"), withNullValue).scalar()).isNull();
        }
    }
}
