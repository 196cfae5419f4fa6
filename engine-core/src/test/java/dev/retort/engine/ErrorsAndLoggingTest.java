package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.exc.DBAPIException;
import dev.retort.engine.exc.DataException;
import dev.retort.engine.exc.IntegrityException;
import dev.retort.engine.exc.OperationalException;
import dev.retort.engine.exc.ProgrammingException;
import dev.retort.engine.exc.StatementException;
import dev.retort.engine.internal.Errors;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Exception mapping and messages, logging, the mock engine and builder validation (issue #2). */
class ErrorsAndLoggingTest {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Engine.class);

    @BeforeEach
    void captureLogs() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(appender);
        logger.setLevel(null);
    }

    @Test
    void sqlStateClassesMapToTypedExceptions() {
        try (Engine engine = Engine.create("h2:mem:err1"); Connection c = engine.connect()) {
            c.execDriverSql("CREATE TABLE e1 (id INT PRIMARY KEY, v VARCHAR(3))");
            c.execDriverSql("INSERT INTO e1 VALUES (1, 'a')");
            assertThatThrownBy(() -> c.execDriverSql("INSERT INTO e1 VALUES (1, 'b')"))
                    .isInstanceOf(IntegrityException.class)
                    .hasMessageStartingWith("(org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException)")
                    .hasMessageContaining("[SQL: INSERT INTO e1 VALUES (1, 'b')]");
            assertThatThrownBy(() -> c.execDriverSql("INSERT INTO e1 VALUES (2, 'toolong')"))
                    .isInstanceOf(DataException.class);
            assertThatThrownBy(() -> c.execDriverSql("SELEC 1")).isInstanceOf(ProgrammingException.class)
                    .isInstanceOfSatisfying(DBAPIException.class, e -> {
                        assertThat((Object) e.orig()).isInstanceOf(SQLException.class);
                        assertThat(e.getCause()).isSameAs(e.orig());
                        assertThat(e.statement()).isEqualTo("SELEC 1");
                        assertThat(e.connectionInvalidated()).isFalse();
                    });
        }
        assertThat(Errors.wrap(new SQLException("x", "40001"), "s", null, false, false))
                .isInstanceOf(OperationalException.class);
        assertThat(Errors.wrap(new SQLNonTransientConnectionException("gone"), "s", null, false, true))
                .isInstanceOf(OperationalException.class)
                .satisfies(e -> assertThat(e.connectionInvalidated()).isTrue());
    }

    @Test
    void parametersAppearInMessagesUnlessHidden() {
        TextClause bad = Sql.text("INSERT INTO missing_table VALUES (:secret)");
        try (Engine engine = Engine.create("h2:mem:err2"); Connection c = engine.connect()) {
            assertThatThrownBy(() -> c.execute(bad, Map.of("secret", "pa55word")))
                    .hasMessageContaining("[parameters: {secret=pa55word}]")
                    .isInstanceOfSatisfying(StatementException.class,
                            e -> assertThat(e.parameters()).isEqualTo(Map.of("secret", "pa55word")));
        }
        try (Engine engine = Engine.builder("h2:mem:err3").hideParameters(true).build();
                Connection c = engine.connect()) {
            assertThatThrownBy(() -> c.execute(bad, Map.of("secret", "pa55word")))
                    .hasMessageContaining("[SQL parameters hidden due to hideParameters=true]")
                    .hasMessageNotContaining("pa55word")
                    .isInstanceOfSatisfying(StatementException.class, e -> assertThat(e.parameters()).isNull());
        }
    }

    @Test
    void echoLogsStatementsAtInfoWithNameAndToken() {
        logger.setLevel(Level.INFO);
        try (Engine engine = Engine.builder("h2:mem:err4").echo(true).loggingName("main").build();
                Connection c = engine.connect()) {
            c.executionOptions(ExecutionOptions.empty().withLoggingToken("req-42"));
            c.execute(Sql.text("SELECT :v"), Map.of("v", 7));
        }
        assertThat(appender.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.INFO);
            assertThat(e.getFormattedMessage()).isEqualTo("[main] [req-42] SELECT ? {v=7}");
        });
    }

    @Test
    void echoLogsTransactionBoundariesAndSavepointsLikeSqlalchemy() {
        logger.setLevel(Level.INFO);
        try (Engine engine = Engine.builder("h2:mem:err4b").echo(true).build(); Connection c = engine.connect()) {
            c.execute(Sql.text("SELECT 1"));
            c.beginNested().commit();
            c.beginNested().rollback();
            c.commit();
            c.execute(Sql.text("SELECT 2"));
            c.rollback();
            c.beginTwoPhase("retort_echo").rollback();
        }
        assertThat(appender.list).filteredOn(e -> e.getLevel() == Level.INFO)
                .extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                        "BEGIN (implicit)", "SELECT 1 {}", "SAVEPOINT sa_savepoint_1", "RELEASE SAVEPOINT sa_savepoint_1",
                        "SAVEPOINT sa_savepoint_2", "ROLLBACK TO SAVEPOINT sa_savepoint_2", "COMMIT",
                        "BEGIN (implicit)", "SELECT 2 {}", "ROLLBACK", "BEGIN TWOPHASE (implicit)");
    }

    @Test
    void echoSaysWhenAutocommitModeSendsNoTransactionBoundaries() {
        logger.setLevel(Level.INFO);
        try (Engine engine = Engine.builder("h2:mem:err4c").echo(true).loggingName("ac")
                .isolationLevel(IsolationLevel.AUTOCOMMIT).build(); Connection c = engine.connect()) {
            c.execute(Sql.text("SELECT 1"));
            c.commit();
        }
        assertThat(appender.list).filteredOn(e -> e.getLevel() == Level.INFO)
                .extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                        "[ac] BEGIN (implicit; autocommit mode: nothing is sent)", "[ac] SELECT 1 {}",
                        "[ac] COMMIT (autocommit mode: nothing is sent)");
    }

    @Test
    void withoutEchoStatementsLogAtDebugAndHiddenParametersNeverLog() {
        logger.setLevel(Level.DEBUG);
        try (Engine engine = Engine.builder("h2:mem:err5").hideParameters(true).build()) {
            engine.scalar(Sql.text("SELECT :secret"), Map.of("secret", "pa55word"));
        }
        assertThat(appender.list).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(e.getFormattedMessage()).doesNotContain("pa55word");
        });
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("SELECT ? [SQL parameters hidden due to hideParameters=true]");
    }

    @Test
    void passwordsNeverAppearInToStringOrErrors() {
        Engine engine = Engine.builder("postgresql://u:topsecret@127.0.0.1:1/nodb").poolTimeout(
                java.time.Duration.ofMillis(500)).build();
        try (engine) {
            assertThat(engine.toString()).doesNotContain("topsecret").contains("***");
            assertThat(engine.url().toString()).doesNotContain("topsecret");
            assertThatThrownBy(engine::connect).isInstanceOf(DBAPIException.class)
                    .hasMessageNotContaining("topsecret");
        }
        assertThat(appender.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains("topsecret"));
    }

    @Test
    void mockEngineRecordsSqlAndRunsNothing() {
        List<String> sql = new ArrayList<>();
        try (Engine mock = Engine.mock(sql::add, "postgresql"); Connection c = mock.connect()) {
            c.execute(Sql.text("CREATE TABLE t (id INT)"));
            c.execute(Sql.text("INSERT INTO t VALUES (:id)"), Map.of("id", 1));
            assertThat(c.execute(Sql.text("SELECT * FROM t")).returnsRows()).isFalse();
            c.commit();
            assertThat(mock.name()).isEqualTo("postgresql");
        }
        assertThat(sql).containsExactly("CREATE TABLE t (id INT)", "INSERT INTO t VALUES (?)", "SELECT * FROM t");
    }

    @Test
    void mockEngineTakesAStatementTimeout() {
        List<String> sql = new ArrayList<>();
        try (Engine mock = Engine.mock(sql::add, "postgresql"); Connection c = mock.connect()) {
            c.executionOptions(ExecutionOptions.empty().withTimeout(java.time.Duration.ofSeconds(3)));
            c.execute(Sql.text("UPDATE t SET id = :id"), Map.of("id", 2));
        }
        assertThat(sql).containsExactly("UPDATE t SET id = ?");
    }

    @Test
    void builderRejectsSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> Engine.builder("h2:mem:x").poolSize(0).build()).isInstanceOf(ArgumentException.class)
                .hasMessageStartingWith("poolSize must be at least 1, was 0");
        assertThatThrownBy(() -> Engine.builder("h2:mem:x").maxOverflow(-1).build())
                .isInstanceOf(ArgumentException.class).hasMessageContaining("maxOverflow");
        assertThatThrownBy(() -> Engine.builder("h2:mem:x").poolTimeout(java.time.Duration.ofMillis(10)).build())
                .isInstanceOf(ArgumentException.class).hasMessageContaining("poolTimeout must be at least 250 ms");
        assertThatThrownBy(() -> Engine.builder("h2:mem:x").queryCacheSize(-5).build())
                .isInstanceOf(ArgumentException.class).hasMessageContaining("queryCacheSize");
    }

    @Test
    void connectionlessExecutionReleasesTheConnection() {
        try (Engine engine = Engine.builder("h2:mem:err6").poolSize(1).maxOverflow(0).build()) {
            engine.execute(Sql.text("CREATE TABLE e6 (id INT)"));
            engine.execute(Sql.text("INSERT INTO e6 VALUES (:id)"), Map.of("id", 1));
            assertThat(engine.pool().checkedOut()).isZero();
            Result rows = engine.execute(Sql.text("SELECT id FROM e6"));
            assertThat(engine.pool().checkedOut()).isEqualTo(1);
            assertThat(rows.all()).hasSize(1);
            assertThat(engine.pool().checkedOut()).isZero();
            Result closedEarly = engine.execute(Sql.text("SELECT id FROM e6"));
            closedEarly.close();
            assertThat(engine.pool().checkedOut()).isZero();
            Object count = engine.withConnection(c -> c.scalar(Sql.text("SELECT COUNT(*) FROM e6")));
            assertThat(count).isEqualTo(1L);
        }
    }

    record OneColumn(int id) {
    }

    @Test
    void aMappingErrorReleasesAConnectionlessResult() {
        try (Engine engine = Engine.builder("h2:mem:err8").poolSize(1).maxOverflow(0)
                .poolTimeout(java.time.Duration.ofMillis(500)).build()) {
            assertThatThrownBy(() -> engine.execute(Sql.text("SELECT 1 AS id, 2 AS extra")).as(OneColumn.class))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("[EXTRA] match no record component");
            assertThat(engine.pool().checkedOut()).isZero();
            assertThatThrownBy(() -> engine.execute(Sql.text("SELECT 'x' AS v")).scalars(Integer.class).all())
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("Cannot convert value 'x'");
            assertThat(engine.pool().checkedOut()).isZero();
            assertThat(engine.scalar(Sql.text("SELECT 3"))).isEqualTo(3);
        }
    }

    @Test
    void inTransactionReturnsTheValueAndRawConnectionWorks() throws Exception {
        try (Engine engine = Engine.create("h2:mem:err7")) {
            engine.useTransaction(c -> c.execute(Sql.text("CREATE TABLE e7 (id INT)")));
            Integer n = engine.inTransaction(c -> c.execute(Sql.text("INSERT INTO e7 VALUES (1), (2)")).rowCount())
                    .intValue() == 2 ? 2 : 0;
            assertThat(n).isEqualTo(2);
            try (java.sql.Connection raw = engine.rawConnection(); var st = raw.createStatement();
                    var rs = st.executeQuery("SELECT COUNT(*) FROM e7")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }
}
