package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.DialectRegistry;
import dev.retort.engine.dialect.H2Dialect;
import dev.retort.engine.dialect.MariadbDialect;
import dev.retort.engine.dialect.MysqlDialect;
import dev.retort.engine.dialect.MysqlMariadbConnectorDialect;
import dev.retort.engine.dialect.PostgresqlDialect;
import dev.retort.engine.exc.ArgumentException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in dialects, the registry and the error classification, without a server. */
class DialectTest {

    /** A third-party dialect: "sqlite" over H2, supporting only three isolation levels. */
    static final class FooDialect extends H2Dialect {
        @Override
        public String name() {
            return "sqlite";
        }

        @Override
        public String driverName() {
            return "foo";
        }

        @Override
        public String jdbcUrl(EngineUrl url) {
            return "jdbc:h2:mem:" + url.database() + ";DB_CLOSE_DELAY=-1";
        }

        @Override
        public Set<IsolationLevel> isolationLevels() {
            return Set.of(IsolationLevel.READ_COMMITTED, IsolationLevel.SERIALIZABLE, IsolationLevel.AUTOCOMMIT);
        }
    }

    @Test
    void builtInDialectsBuildTheirJdbcUrlAndNameTheirDriver() {
        EngineUrl pg = EngineUrl.parse("postgresql://scott:tiger@db.example:5433/app?sslmode=require");
        assertThat(pg.toJdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/app?sslmode=require");
        assertThat(DialectRegistry.load(pg)).isInstanceOf(PostgresqlDialect.class);
        assertThat(DialectRegistry.get("postgresql").driverClassName()).isEqualTo("org.postgresql.Driver");

        EngineUrl maria = EngineUrl.parse("mariadb://root@db.example:3306/app");
        assertThat(maria.toJdbcUrl()).isEqualTo("jdbc:mariadb://db.example:3306/app");
        assertThat(DialectRegistry.load(maria).driverClassName()).isEqualTo("org.mariadb.jdbc.Driver");

        EngineUrl mysql = EngineUrl.parse("mysql://root@db.example/app");
        assertThat(DialectRegistry.load(mysql)).isInstanceOf(MysqlDialect.class);
        assertThat(mysql.toJdbcUrl()).isEqualTo("jdbc:mysql://db.example/app");
        assertThat(DialectRegistry.load(mysql).driverClassName()).isEqualTo("com.mysql.cj.jdbc.Driver");
        // SQLAlchemy's mysql+mariadbconnector: MariaDB Connector/J 3 serves jdbc:mysql: only with permitMysqlScheme
        EngineUrl viaMariadb = EngineUrl.parse("mysql+mariadbconnector://root@db.example/app?useSsl=false");
        assertThat(DialectRegistry.load(viaMariadb)).isInstanceOf(MysqlMariadbConnectorDialect.class);
        assertThat(viaMariadb.toJdbcUrl()).isEqualTo(
                "jdbc:mysql://db.example/app?useSsl=false&permitMysqlScheme=true");
        assertThat(DialectRegistry.load(viaMariadb).driverClassName()).isEqualTo("org.mariadb.jdbc.Driver");

        assertThat(EngineUrl.parse("h2:mem:demo").toJdbcUrl()).isEqualTo("jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1");
        assertThat(DialectRegistry.get("h2").driverClassName()).isEqualTo("org.h2.Driver");
        assertThat(DialectRegistry.load(EngineUrl.parse("jdbc:postgresql://h/db"))).isInstanceOf(
                PostgresqlDialect.class);
    }

    @Test
    void aDialectRegisteredInProcessIsFoundByItsUrl() {
        DialectRegistry.register("sqlite.foo", FooDialect::new);
        try (Engine engine = Engine.builder("sqlite+foo:///registered").build()) {
            assertThat(engine.dialect()).isInstanceOf(FooDialect.class);
            assertThat(engine.name()).isEqualTo("sqlite");
            assertThat(engine.driver()).isEqualTo("foo");
            assertThat(((Number) engine.scalar(Sql.text("SELECT 40 + 2"))).intValue()).isEqualTo(42);
        } finally {
            DialectRegistry.unregister("sqlite.foo");
        }
        assertThatThrownBy(() -> Engine.create("sqlite+foo:///registered")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Unknown dialect 'sqlite'")
                .hasMessageContaining("DialectRegistry.register(");
    }

    @Test
    void aDialectListedInMetaInfServicesIsDiscovered() {
        try (Engine plain = Engine.create("retorttest:///svc1");
                Engine withDriver = Engine.create("retorttest+h2wrap:///svc2")) {
            assertThat(plain.name()).isEqualTo("retorttest");
            assertThat(withDriver.driver()).isEqualTo("h2wrap");
            assertThat(((Number) plain.scalar(Sql.text("SELECT 1"))).intValue()).isEqualTo(1);
            assertThat(((Number) withDriver.scalar(Sql.text("SELECT 2"))).intValue()).isEqualTo(2);
        }
    }

    @Test
    void anIsolationLevelTheDialectLacksIsRefusedListingTheValidOnes() {
        DialectRegistry.register("sqlite.foo", FooDialect::new);
        try {
            String valid = "Valid isolation levels for 'sqlite' are AUTOCOMMIT, READ COMMITTED, SERIALIZABLE";
            assertThatThrownBy(() -> Engine.builder("sqlite+foo:///iso").isolationLevel(IsolationLevel.REPEATABLE_READ)
                    .build()).isInstanceOf(ArgumentException.class)
                    .hasMessage("Invalid value 'REPEATABLE READ' for isolation_level. " + valid);
            try (Engine engine = Engine.create("sqlite+foo:///iso"); Connection conn = engine.connect()) {
                assertThatThrownBy(() -> conn.executionOptions(ExecutionOptions.empty().with(
                        ExecutionOptions.ISOLATION_LEVEL, "read_uncommitted"))).isInstanceOf(ArgumentException.class)
                        .hasMessage("Invalid value 'READ UNCOMMITTED' for isolation_level. " + valid);
                conn.executionOptions(ExecutionOptions.empty().with(ExecutionOptions.ISOLATION_LEVEL, "serializable"));
                assertThat(conn.getIsolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
            }
        } finally {
            DialectRegistry.unregister("sqlite.foo");
        }
    }

    @Test
    void builtInDialectsAcceptEveryLevelAndNameThemWhenGivenAnUnknownOne() {
        for (String name : new String[] {"postgresql", "mariadb", "mysql", "h2"}) {
            Dialect dialect = DialectRegistry.get(name);
            assertThat(dialect.isolationLevels()).containsExactlyInAnyOrder(IsolationLevel.values());
            assertThatThrownBy(() -> dialect.checkIsolationLevel("SNAPSHOT")).isInstanceOf(ArgumentException.class)
                    .hasMessage("Invalid value 'SNAPSHOT' for isolation_level. Valid isolation levels for '" + name
                            + "' are AUTOCOMMIT, READ COMMITTED, READ UNCOMMITTED, REPEATABLE READ, SERIALIZABLE");
            assertThat(dialect.checkIsolationLevel("repeatable_read")).isEqualTo(IsolationLevel.REPEATABLE_READ);
        }
    }

    @Test
    void disconnectsAreRecognisedBySqlStateAndVendorCode() {
        Dialect pg = new PostgresqlDialect();
        assertThat(pg.isDisconnect(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(pg.isDisconnect(new SQLException("An I/O error occurred", "08006"))).isTrue();
        assertThat(pg.isDisconnect(new SQLException("could not serialize access", "40001"))).isFalse();
        assertThat(pg.isDisconnect(new SQLException("syntax error", "42601"))).isFalse();

        Dialect maria = new MariadbDialect();
        assertThat(maria.isDisconnect(new SQLException("Connection was killed", "70100", 1927))).isTrue();
        assertThat(maria.isDisconnect(new SQLException("MySQL server has gone away", "HY000", 2006))).isTrue();
        assertThat(maria.isDisconnect(new SQLException("Lost connection to server", "HY000", 2013))).isTrue();
        assertThat(maria.isDisconnect(new SQLException("socket closed", "08000"))).isTrue();
        assertThat(maria.isDisconnect(new SQLException("Deadlock found", "40001", 1213))).isFalse();
        assertThat(maria.isDisconnect(new SQLException("Duplicate entry", "23000", 1062))).isFalse();

        Dialect h2 = new H2Dialect();
        assertThat(h2.isDisconnect(new SQLException("Database is already closed", "90121", 90121))).isTrue();
        assertThat(h2.isDisconnect(new SQLTransientConnectionException("timeout"))).isTrue();
    }

    @Test
    void disconnectsAnywhereInTheNextExceptionOrCauseChainCount() {
        Dialect pg = new PostgresqlDialect();
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505");
        unique.setNextException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertThat(pg.isDisconnect(unique)).isTrue();
        SQLException wrapped = new SQLException("batch entry 0 failed", "23505",
                new SQLException("An I/O error occurred while sending to the backend", "08006"));
        assertThat(pg.isDisconnect(wrapped)).isTrue();
        assertThat(pg.isDisconnect(new SQLException("terminating connection due to idle-in-transaction timeout",
                "25P03"))).isTrue();
        assertThat(pg.isDisconnect(new SQLException("terminating connection due to idle-session timeout", "57P05")))
                .isTrue();
        SQLException plain = new SQLException("duplicate key value violates unique constraint", "23505");
        plain.setNextException(new SQLException("another duplicate", "23505"));
        assertThat(pg.isDisconnect(plain)).isFalse();

        SQLException maria = new SQLException("Duplicate entry", "23000", 1062,
                new SQLException("Lost connection to server", "HY000", 2013));
        assertThat(new MariadbDialect().isDisconnect(maria)).isTrue();
        SQLException h2 = new SQLException("batch failed", "HY000");
        h2.setNextException(new SQLException("Database is already closed", "90121", 90121));
        assertThat(new H2Dialect().isDisconnect(h2)).isTrue();
    }

    @Test
    void aCyclicExceptionChainEnds() {
        SQLException a = new SQLException("a", "23505");
        SQLException b = new SQLException("b", "23505");
        a.setNextException(b);
        b.initCause(a);
        assertThat(new PostgresqlDialect().isDisconnect(a)).isFalse();
    }

    @Test
    void identifiersAreQuotedInTheDialectsStyle() {
        assertThat(new PostgresqlDialect().quoteIdentifier("odd \"name")).isEqualTo("\"odd \"\"name\"");
        assertThat(new H2Dialect().quoteIdentifier("Mixed")).isEqualTo("\"Mixed\"");
        assertThat(new MariadbDialect().quoteIdentifier("odd `name")).isEqualTo("`odd ``name`");
        assertThat(new MysqlDialect().quoteIdentifier("t")).isEqualTo("`t`");
    }
}
