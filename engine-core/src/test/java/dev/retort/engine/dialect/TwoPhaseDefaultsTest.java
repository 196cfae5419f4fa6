package dev.retort.engine.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineUrl;
import dev.retort.engine.Sql;
import dev.retort.engine.TwoPhaseTransaction;
import dev.retort.engine.exc.NotSupportedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A dialect that keeps {@link Dialect}'s two-phase defaults (every built-in one implements them) raises
 * {@link NotSupportedException} naming the dialect and the fix, on a real H2 database.
 */
class TwoPhaseDefaultsTest {

    /** H2 through a dialect with none of the two-phase methods. */
    static class NoTwoPhase extends GenericDialect {
        NoTwoPhase() {
            super("plainh2");
        }

        @Override
        public String driverClassName() {
            return "org.h2.Driver";
        }

        @Override
        public String jdbcUrl(EngineUrl url) {
            return "jdbc:h2:mem:" + url.database() + ";DB_CLOSE_DELAY=-1";
        }
    }

    /** Claims two-phase support but implements none of it. */
    static class ClaimsTwoPhase extends NoTwoPhase {
        @Override
        public boolean supportsTwoPhase() {
            return true;
        }
    }

    /** Claims two-phase support and begins one, but cannot prepare it. */
    static final class BeginsOnly extends ClaimsTwoPhase {
        @Override
        public void beginTwoPhase(java.sql.Connection connection, String xid) {
            // begins implicitly, like H2
        }
    }

    private static final String MESSAGE = "The plainh2 dialect does not support two-phase transactions (";
    private static final String FIX = "use a single-phase transaction (Connection.begin())";

    @BeforeAll
    static void register() {
        DialectRegistry.register("plainh2.none", NoTwoPhase::new);
        DialectRegistry.register("plainh2.claims", ClaimsTwoPhase::new);
        DialectRegistry.register("plainh2.begins", BeginsOnly::new);
    }

    @AfterAll
    static void unregister() {
        DialectRegistry.unregister("plainh2.none");
        DialectRegistry.unregister("plainh2.claims");
        DialectRegistry.unregister("plainh2.begins");
    }

    @Test
    void recoveryOperationsRaiseNotSupportedNamingTheDialectAndTheFix() {
        try (Engine engine = Engine.create("plainh2+none:///tpd1"); Connection conn = engine.connect()) {
            assertThatThrownBy(conn::recoverTwoPhase).isInstanceOf(NotSupportedException.class)
                    .hasMessageContaining(MESSAGE + "recoverTwoPhase)").hasMessageContaining(FIX);
            assertThatThrownBy(() -> conn.commitPrepared("x1")).isInstanceOf(NotSupportedException.class)
                    .hasMessageContaining(MESSAGE + "commitPrepared)");
            assertThatThrownBy(() -> conn.rollbackPrepared("x1")).isInstanceOf(NotSupportedException.class)
                    .hasMessageContaining(MESSAGE + "rollbackPrepared)");
            assertThat(((Number) conn.scalar(Sql.text("SELECT 7"))).intValue()).isEqualTo(7);
        }
    }

    @Test
    void beginningOrPreparingThroughTheDefaultsRaisesNotSupportedAndLeavesNoTransaction() {
        try (Engine engine = Engine.create("plainh2+claims:///tpd2"); Connection conn = engine.connect()) {
            assertThatThrownBy(conn::beginTwoPhase).isInstanceOf(NotSupportedException.class)
                    .hasMessageContaining(MESSAGE + "beginTwoPhase)").hasMessageContaining(FIX);
            assertThat(conn.inTransaction()).isFalse();
            conn.begin().commit();
        }
        try (Engine engine = Engine.create("plainh2+begins:///tpd3"); Connection conn = engine.connect()) {
            conn.execute(Sql.text("CREATE TABLE t (x INT)"));
            conn.commit();
            TwoPhaseTransaction tx = conn.beginTwoPhase();
            conn.execute(Sql.text("INSERT INTO t VALUES (1)"));
            assertThatThrownBy(tx::prepare).isInstanceOf(NotSupportedException.class)
                    .hasMessageContaining(MESSAGE + "prepareTwoPhase)");
            tx.rollback();
            assertThat(((Number) conn.scalar(Sql.text("SELECT COUNT(*) FROM t"))).intValue()).isZero();
        }
    }
}
