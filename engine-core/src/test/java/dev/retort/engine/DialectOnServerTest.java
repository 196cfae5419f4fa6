package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.exc.DBAPIException;
import dev.retort.engine.exc.OperationalException;
import dev.retort.engine.exc.ProgrammingException;
import dev.retort.engine.testing.OnEachDatabase;
import dev.retort.engine.testing.Recorder;
import dev.retort.engine.testing.TestDatabase;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Dialect behaviour observed on live databases: isolation levels, savepoints, ping, version, quoting, errors. */
class DialectOnServerTest {

    private static final TextClause VALUE = Sql.text("SELECT v FROM dos_items WHERE id = :id");
    private static final TextClause SET_VALUE = Sql.text("UPDATE dos_items SET v = :v WHERE id = :id");

    private static Engine withItems(TestDatabase db, Engine.Builder builder) {
        Engine engine = builder.build();
        try (Connection c = engine.connect()) {
            c.execDriverSql("DROP TABLE IF EXISTS dos_items");
            c.execDriverSql("CREATE TABLE dos_items (id INT PRIMARY KEY, v INT NOT NULL)");
            c.execDriverSql("INSERT INTO dos_items (id, v) VALUES (1, 10), (2, 20)");
            c.commit();
        }
        return engine;
    }

    private static ExecutionOptions level(IsolationLevel level) {
        return ExecutionOptions.empty().withIsolationLevel(level);
    }

    /** The level the server itself reports for the session, normalised to SQL spelling. */
    private static String serverLevel(TestDatabase db, Connection conn) {
        String sql = db.isPostgresql() ? "SHOW transaction_isolation"
                : db.isMariadb() ? "SELECT @@tx_isolation"
                        : "SELECT ISOLATION_LEVEL FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()";
        String level = String.valueOf(conn.execDriverSql(sql).scalar());
        conn.rollback();
        return level.toUpperCase(Locale.ROOT).replace('-', ' ');
    }

    private static int value(Connection conn, int id) {
        return ((Number) conn.scalar(VALUE, Map.of("id", id))).intValue();
    }

    @OnEachDatabase
    void everyIsolationLevelIsSetOnTheServerAndReadBackLive(TestDatabase db) {
        try (Engine engine = db.engine(); Connection conn = engine.connect()) {
            IsolationLevel dflt = conn.defaultIsolationLevel();
            for (IsolationLevel level : new IsolationLevel[] {IsolationLevel.SERIALIZABLE,
                    IsolationLevel.REPEATABLE_READ, IsolationLevel.READ_UNCOMMITTED, IsolationLevel.READ_COMMITTED}) {
                conn.executionOptions(level(level));
                assertThat(conn.getIsolationLevel()).isEqualTo(level);
                assertThat(serverLevel(db, conn)).isEqualTo(level.sqlName());
            }
            conn.executionOptions(level(IsolationLevel.AUTOCOMMIT));
            assertThat(conn.getIsolationLevel()).isNotEqualTo(IsolationLevel.AUTOCOMMIT);
            assertThat(conn.jdbcConnection().getAutoCommit()).isTrue();
            conn.close();
            try (Connection next = engine.connect()) {
                assertThat(next.getIsolationLevel()).isEqualTo(dflt);
                assertThat(serverLevel(db, next)).isEqualTo(dflt.sqlName());
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @OnEachDatabase
    void anEngineLevelIsAppliedToEveryCheckout(TestDatabase db) {
        try (Engine engine = db.builder().isolationLevel(IsolationLevel.SERIALIZABLE).build()) {
            for (int i = 0; i < 3; i++) {
                try (Connection conn = engine.connect()) {
                    assertThat(serverLevel(db, conn)).isEqualTo("SERIALIZABLE");
                }
            }
        }
    }

    @OnEachDatabase
    void anUnknownLevelIsRefusedListingTheDialectsLevels(TestDatabase db) {
        try (Engine engine = db.engine(); Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.executionOptions(ExecutionOptions.empty()
                    .with(ExecutionOptions.ISOLATION_LEVEL, "SNAPSHOT"))).isInstanceOf(ArgumentException.class)
                    .hasMessage("Invalid value 'SNAPSHOT' for isolation_level. Valid isolation levels for '"
                            + db.name() + "' are AUTOCOMMIT, READ COMMITTED, READ UNCOMMITTED, REPEATABLE READ, "
                            + "SERIALIZABLE");
        }
    }

    @OnEachDatabase
    void readCommittedSeesAnotherCommitButRepeatableReadDoesNot(TestDatabase db) {
        try (Engine engine = withItems(db, db.builder())) {
            int next = 11;
            for (IsolationLevel level : new IsolationLevel[] {IsolationLevel.READ_COMMITTED,
                    IsolationLevel.REPEATABLE_READ}) {
                try (Connection reader = engine.connect(); Connection writer = engine.connect()) {
                    reader.executionOptions(level(level));
                    int before = value(reader, 1);
                    writer.execute(SET_VALUE, Map.of("id", 1, "v", next));
                    writer.commit();
                    int during = value(reader, 1);
                    reader.commit();
                    int after = value(reader, 1);
                    assertThat(during).as(level.sqlName()).isEqualTo(
                            level == IsolationLevel.READ_COMMITTED ? next : before);
                    assertThat(after).isEqualTo(next);
                }
                next++;
            }
        }
    }

    @OnEachDatabase
    void savepointRollbackUndoesAFailedStatementAndKeepsTheTransaction(TestDatabase db) {
        Recorder recorder = new Recorder();
        try (Engine engine = withItems(db, db.builder().listener(recorder)); Connection conn = engine.connect()) {
            conn.execute(SET_VALUE, Map.of("id", 1, "v", 100));
            NestedTransaction sp = conn.beginNested();
            conn.execute(SET_VALUE, Map.of("id", 2, "v", 200));
            // PostgreSQL aborts the whole transaction on any error; the savepoint is the way back
            assertThatThrownBy(() -> conn.execDriverSql("SELECT * FROM dos_no_such_table"))
                    .isInstanceOf(ProgrammingException.class);
            sp.rollback();
            assertThat(value(conn, 2)).isEqualTo(20);
            conn.commit();
            try (Connection check = engine.connect()) {
                assertThat(value(check, 1)).isEqualTo(100);
                assertThat(value(check, 2)).isEqualTo(20);
            }
            assertThat(recorder.events).containsSubsequence("begin", "savepoint:sa_savepoint_1", "handleError",
                    "rollbackSavepoint:sa_savepoint_1", "commit");
        }
    }

    @OnEachDatabase
    void pingServerVersionAndQuotedIdentifiers(TestDatabase db) throws Exception {
        try (Engine engine = db.engine(); Connection conn = engine.connect()) {
            java.sql.Connection jdbc = conn.jdbcConnection();
            assertThat(engine.dialect().ping(jdbc, 2)).isTrue();
            String version = engine.dialect().serverVersion(jdbc);
            String reported = String.valueOf(conn.execDriverSql(db.isPostgresql() ? "SHOW server_version"
                    : db.isMariadb() ? "SELECT VERSION()" : "SELECT H2VERSION()").scalar());
            assertThat(version).matches("\\d+\\.\\d+.*");
            assertThat(reported).startsWith(version.split("\\.")[0] + ".");
            String table = engine.dialect().quoteIdentifier("dos odd \"`name");
            String column = engine.dialect().quoteIdentifier("Select");
            conn.execDriverSql("DROP TABLE IF EXISTS " + table);
            conn.execDriverSql("CREATE TABLE " + table + " (" + column + " INT)");
            conn.execDriverSql("INSERT INTO " + table + " (" + column + ") VALUES (7)");
            Result result = conn.execDriverSql("SELECT " + column + " FROM " + table);
            assertThat(result.keys()).containsExactly("Select");
            assertThat(((Number) result.scalar()).intValue()).isEqualTo(7);
            conn.execDriverSql("DROP TABLE " + table);
            conn.commit();
        }
    }

    @OnEachDatabase
    void aSerializationFailureOrDeadlockIsAnOperationalException(TestDatabase db) throws Exception {
        try (Engine engine = withItems(db, db.builder()); Connection a = engine.connect();
                Connection b = engine.connect()) {
            DBAPIException error;
            if (db.isPostgresql()) {
                // REPEATABLE READ: updating a row another transaction changed since our snapshot
                a.executionOptions(level(IsolationLevel.REPEATABLE_READ));
                assertThat(value(a, 1)).isEqualTo(10);
                b.execute(SET_VALUE, Map.of("id", 1, "v", 11));
                b.commit();
                error = (DBAPIException) org.assertj.core.api.Assertions.catchThrowable(
                        () -> a.execute(SET_VALUE, Map.of("id", 1, "v", 12)));
                a.rollback();
                assertThat(error).hasMessageContaining("could not serialize access");
            } else {
                // a lock cycle: a holds row 1 and wants row 2, b holds row 2 and wants row 1
                a.execute(SET_VALUE, Map.of("id", 1, "v", 11));
                b.execute(SET_VALUE, Map.of("id", 2, "v", 21));
                CompletableFuture<RuntimeException> bSide = CompletableFuture.supplyAsync(
                        () -> updateOrRollback(b, 1));
                RuntimeException aSide = updateOrRollback(a, 2);
                RuntimeException other = bSide.get(60, TimeUnit.SECONDS);
                assertThat(aSide == null ^ other == null).as("exactly one deadlock victim").isTrue();
                error = (DBAPIException) (aSide != null ? aSide : other);
                a.rollback();
                b.rollback();
            }
            assertThat(error).isInstanceOf(OperationalException.class);
            assertThat(error.orig().getSQLState()).isEqualTo("40001");
            assertThat(error.connectionInvalidated()).isFalse();
        }
    }

    @org.junit.jupiter.api.Test
    void aMysqlMariadbconnectorUrlReachesTheServerThroughMariadbConnectorJ() {
        String url = TestDatabase.MARIADB.url().replaceFirst("^mariadb", "mysql+mariadbconnector");
        try (Engine engine = Engine.create(url); Connection conn = engine.connect()) {
            assertThat(engine.name()).isEqualTo("mysql");
            assertThat(engine.driver()).isEqualTo("mariadbconnector");
            assertThat(engine.url().toJdbcUrl()).startsWith("jdbc:mysql://").endsWith("permitMysqlScheme=true");
            assertThat(String.valueOf(conn.execDriverSql("SELECT VERSION()").scalar())).containsIgnoringCase("mariadb");
            conn.rollback();
            conn.executionOptions(level(IsolationLevel.READ_COMMITTED));
            assertThat(conn.getIsolationLevel()).isEqualTo(IsolationLevel.READ_COMMITTED);
        }
    }

    private static RuntimeException updateOrRollback(Connection conn, int id) {
        try {
            conn.execute(SET_VALUE, Map.of("id", id, "v", 99));
            return null;
        } catch (RuntimeException e) {
            conn.rollback();
            return e;
        }
    }
}
