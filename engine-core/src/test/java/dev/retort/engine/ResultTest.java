package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.exc.MultipleResultsFoundException;
import dev.retort.engine.exc.NoResultFoundException;
import dev.retort.engine.exc.ResourceClosedException;
import dev.retort.engine.testing.OnEachDatabase;
import dev.retort.engine.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Result/Row API (issue #3) on H2, plus the parts that differ per database on every test database. */
class ResultTest {

    enum Level { LOW, HIGH }

    record User(int id, String userName, BigDecimal balance, LocalDate joined) {
    }

    record Narrow(int id) {
    }

    public static class UserBean {
        private int id;
        private String userName;

        public void setId(int id) {
            this.id = id;
        }

        public void setUserName(String userName) {
            this.userName = userName;
        }
    }

    private static final TextClause ALL = Sql.text(
            "SELECT id, user_name, balance, joined FROM res_users ORDER BY id");

    private Engine engine;
    private Connection conn;

    @BeforeEach
    void setUp() {
        engine = Engine.create("h2:mem:results");
        conn = engine.connect();
        conn.execDriverSql("DROP TABLE IF EXISTS res_users");
        conn.execDriverSql("CREATE TABLE res_users (id INT PRIMARY KEY, user_name VARCHAR(50), "
                + "balance DECIMAL(10,2), joined DATE, level VARCHAR(10), token VARCHAR(36))");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(Map.of("id", i, "name", "u" + i, "balance", new BigDecimal(i + ".50"),
                    "joined", LocalDate.of(2024, 1, i), "level", i % 2 == 0 ? Level.HIGH : Level.LOW,
                    "token", new UUID(0, i).toString()));
        }
        Result insert = conn.execute(Sql.text("INSERT INTO res_users VALUES (:id, :name, :balance, :joined, :level, "
                + ":token)"), rows);
        assertThat(insert.rowCount()).isEqualTo(5);
        conn.commit();
    }

    @AfterEach
    void tearDown() {
        conn.close();
        engine.close();
    }

    @Test
    void fetchFamilyWalksTheCursor() {
        Result r = conn.execute(ALL);
        assertThat(r.returnsRows()).isTrue();
        assertThat(r.keys()).containsExactly("ID", "USER_NAME", "BALANCE", "JOINED");
        assertThat(r.fetchOne().get("id")).isEqualTo(1);
        assertThat(r.fetchMany(2)).extracting(row -> row.get(0)).containsExactly(2, 3);
        assertThat(r.fetchAll()).extracting(row -> row.get(0)).containsExactly(4, 5);
        assertThat(r.isClosed()).isTrue();
        assertThat(r.fetchOne()).isNull();
        assertThat(r.fetchMany(3)).isEmpty();
        assertThat(conn.execute(ALL).all()).hasSize(5);
    }

    @Test
    void firstOneAndOneOrNoneCloseTheResult() {
        Result r = conn.execute(ALL);
        assertThat(r.first()).map(row -> row.get("id")).contains(1);
        assertThat(r.isClosed()).isTrue();
        assertThatThrownBy(r::fetchOne).isInstanceOf(ResourceClosedException.class)
                .hasMessage("This result object is closed.");
        TextClause byId = Sql.text("SELECT user_name FROM res_users WHERE id = :id");
        assertThat(conn.execute(byId, Map.of("id", 2)).one().get(0)).isEqualTo("u2");
        assertThatThrownBy(() -> conn.execute(byId, Map.of("id", 99)).one())
                .isInstanceOf(NoResultFoundException.class).hasMessage("No row was found when one was required");
        assertThatThrownBy(() -> conn.execute(ALL).one()).isInstanceOf(MultipleResultsFoundException.class)
                .hasMessage("Multiple rows were found when exactly one was required");
        assertThat(conn.execute(byId, Map.of("id", 99)).oneOrNone()).isEmpty();
        assertThatThrownBy(() -> conn.execute(ALL).oneOrNone()).isInstanceOf(MultipleResultsFoundException.class);
        assertThat(conn.execute(byId, Map.of("id", 99)).first()).isEmpty();
    }

    @Test
    void scalarsAndScalarShortcuts() {
        assertThat(conn.scalar(Sql.text("SELECT user_name FROM res_users ORDER BY id"))).isEqualTo("u1");
        assertThat(conn.scalars(Sql.text("SELECT user_name FROM res_users ORDER BY id")).all())
                .containsExactly("u1", "u2", "u3", "u4", "u5");
        assertThat(conn.execute(ALL).scalars(1).fetchMany(2)).containsExactly("u1", "u2");
        assertThat(conn.execute(Sql.text("SELECT id FROM res_users ORDER BY id")).scalars(Long.class).all())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(conn.execute(Sql.text("SELECT COUNT(*) FROM res_users")).scalar(Integer.class)).isEqualTo(5);
        assertThat(conn.execute(Sql.text("SELECT id FROM res_users WHERE id = 3")).scalarOne()).isEqualTo(3);
        assertThat(conn.execute(Sql.text("SELECT id FROM res_users WHERE id = 9")).scalarOneOrNone()).isEmpty();
        assertThat(conn.scalar(Sql.text("SELECT id FROM res_users WHERE id = :id"), Map.of("id", 4), String.class))
                .isEqualTo("4");
        assertThatThrownBy(() -> conn.execute(ALL).scalarOne()).isInstanceOf(MultipleResultsFoundException.class);
    }

    @Test
    void rowsByLabelPositionAndType() {
        Row row = conn.execute(Sql.text("SELECT id, user_name AS \"userName\", balance, joined, level, token "
                + "FROM res_users WHERE id = 2")).one();
        assertThat(row.get("userName")).isEqualTo("u2");
        assertThat(row.get("USERNAME")).isEqualTo("u2");
        assertThat(row.get("id", Long.class)).isEqualTo(2L);
        assertThat(row.get("balance", Double.class)).isEqualTo(2.5);
        assertThat(row.get("joined", LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(row.get("joined", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 1, 2, 0, 0));
        assertThat(row.get("level", Level.class)).isEqualTo(Level.HIGH);
        assertThat(row.get("token", UUID.class)).isEqualTo(new UUID(0, 2));
        assertThat(row.get(0)).isEqualTo(2);
        assertThat(row.size()).isEqualTo(6);
        assertThat(row.keys()).containsExactly("ID", "userName", "BALANCE", "JOINED", "LEVEL", "TOKEN");
        assertThat(row.asMap()).containsEntry("userName", "u2").containsEntry("ID", 2);
        assertThat(row.toList()).startsWith(2, "u2");
        assertThat(row.toString()).startsWith("(2, 'u2', 2.50, 2024-01-02");
        assertThatThrownBy(() -> row.get("nope")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Could not locate column in row for column 'nope'")
                .hasMessageContaining("userName, BALANCE");
        assertThatThrownBy(() -> row.get(9)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> row.get("user" + "Name", LocalDate.class)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Cannot convert value 'u2'");
    }

    @Test
    void rowsCompareByValue() {
        Row a = conn.execute(Sql.text("SELECT 1, 'x'")).one();
        Row b = conn.execute(Sql.text("SELECT 1 AS other, 'x'")).one();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(conn.execute(Sql.text("SELECT 2, 'x'")).one());
    }

    @Test
    void mappingsIterationStreamsAndPartitions() {
        assertThat(conn.execute(ALL).mappings().first()).get().extracting(m -> m.get("USER_NAME")).isEqualTo("u1");
        List<Object> ids = new ArrayList<>();
        for (Row row : conn.execute(ALL)) {
            ids.add(row.get(0));
        }
        assertThat(ids).containsExactly(1, 2, 3, 4, 5);
        Result streamed = conn.execute(ALL);
        try (Stream<Row> s = streamed.stream()) {
            assertThat(s.limit(2).map(r -> r.get(0))).containsExactly(1, 2);
        }
        assertThat(streamed.isClosed()).isTrue();
        List<List<Row>> parts = new ArrayList<>();
        conn.execute(ALL).partitions(2).forEach(parts::add);
        assertThat(parts).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(conn.execute(ALL).scalars().partitions(3)).extracting(List::size).containsExactly(3, 2);
    }

    @Test
    void uniqueAndColumnsFilterRows() {
        conn.execute(Sql.text("UPDATE res_users SET user_name = 'same' WHERE id > 2"));
        assertThat(conn.execute(Sql.text("SELECT user_name FROM res_users ORDER BY id")).unique().scalars().all())
                .containsExactly("u1", "u2", "same");
        Result r = conn.execute(ALL).columns("joined", "id");
        assertThat(r.keys()).containsExactly("JOINED", "ID");
        assertThat(r.fetchOne().toList()).containsExactly(LocalDate.of(2024, 1, 1), 1);
        assertThat(r.columns("id").fetchOne().toList()).containsExactly(2);
    }

    @Test
    void dmlResultsReportRowCountsAndRefuseRows() {
        Result update = conn.execute(Sql.text("UPDATE res_users SET balance = 0 WHERE id <= :n"), Map.of("n", 3));
        assertThat(update.returnsRows()).isFalse();
        assertThat(update.rowCount()).isEqualTo(3);
        assertThat(update.isClosed()).isTrue();
        assertThatThrownBy(update::fetchOne).isInstanceOf(ResourceClosedException.class)
                .hasMessage("This result object does not return rows. It has been closed automatically.");
        assertThat(conn.execute(ALL).rowCount()).isEqualTo(-1);
        Result batch = conn.execute(Sql.text("DELETE FROM res_users WHERE id = :id"),
                List.of(Map.of("id", 1), Map.of("id", 2), Map.of("id", 42)));
        assertThat(batch.rowCount()).isEqualTo(2);
    }

    @Test
    void mapsToRecordsAndBeans() {
        List<User> users = conn.execute(ALL).as(User.class);
        assertThat(users).hasSize(5);
        assertThat(users.get(0)).isEqualTo(new User(1, "u1", new BigDecimal("1.50"), LocalDate.of(2024, 1, 1)));
        assertThat(conn.execute(Sql.text("SELECT id FROM res_users WHERE id = 3")).one().as(Narrow.class))
                .isEqualTo(new Narrow(3));
        UserBean bean = conn.execute(Sql.text("SELECT id, user_name FROM res_users WHERE id = 4")).one()
                .as(UserBean.class);
        assertThat(bean.id).isEqualTo(4);
        assertThat(bean.userName).isEqualTo("u4");
        assertThatThrownBy(() -> conn.execute(Sql.text("SELECT id FROM res_users")).as(User.class))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("no column for component(s) [userName, "
                        + "balance, joined]");
        assertThatThrownBy(() -> conn.execute(ALL).as(Narrow.class)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("column(s) [USER_NAME, BALANCE, JOINED] match no record component");
        assertThatThrownBy(() -> conn.execute(ALL).as(UserBean.class)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("no setter for column(s) [BALANCE, JOINED]");
    }

    @Test
    void mappingPlanIsComputedOncePerResult() {
        Result r = conn.execute(ALL);
        Row first = r.fetchOne();
        Row second = r.fetchOne();
        assertThat(first.metadata()).isSameAs(second.metadata());
        assertThat(first.metadata().plan(User.class)).isSameAs(second.metadata().plan(User.class));
    }

    record BadUser(int id, LocalDate userName) {
    }

    record NullableAge(int id, Integer age) {
    }

    record PrimitiveAge(int id, int age) {
    }

    @Test
    void mapsOneFirstAndOneOrNoneStraightFromTheCursor() {
        TextClause byId = Sql.text("SELECT id, user_name, balance, joined FROM res_users WHERE id = :id");
        User two = new User(2, "u2", new BigDecimal("2.50"), LocalDate.of(2024, 1, 2));
        assertThat(conn.execute(byId, Map.of("id", 2)).one(User.class)).isEqualTo(two);
        assertThat(conn.execute(byId, Map.of("id", 2)).oneOrNone(User.class)).contains(two);
        assertThat(conn.execute(byId, Map.of("id", 42)).oneOrNone(User.class)).isEmpty();
        assertThat(conn.execute(ALL).first(User.class)).contains(new User(1, "u1", new BigDecimal("1.50"),
                LocalDate.of(2024, 1, 1)));
        assertThat(conn.execute(ALL).all(User.class)).hasSize(5);
        assertThatThrownBy(() -> conn.execute(byId, Map.of("id", 42)).one(User.class))
                .isInstanceOf(NoResultFoundException.class).hasMessage("No row was found when one was required");
        assertThatThrownBy(() -> conn.execute(ALL).one(User.class)).isInstanceOf(MultipleResultsFoundException.class)
                .hasMessage("Multiple rows were found when exactly one was required");
        assertThatThrownBy(() -> conn.execute(ALL).oneOrNone(User.class))
                .isInstanceOf(MultipleResultsFoundException.class);
        Result r = conn.execute(ALL);
        r.first(User.class);
        assertThat(r.isClosed()).isTrue();
        assertThat(conn.execute(ALL).unique().columns("id").first(Narrow.class)).contains(new Narrow(1));
    }

    @Test
    void aConversionFailureIsOneArgumentExceptionNamingColumnAndTypesWhicheverWayTheRowIsRead() {
        TextClause one = Sql.text("SELECT id, user_name FROM res_users WHERE id = 1");
        List<Runnable> ways = List.of(
                () -> conn.execute(one).one().get("user_name", LocalDate.class),
                () -> conn.execute(one).one().get(1, LocalDate.class),
                () -> conn.execute(one).one().as(BadUser.class),
                () -> conn.execute(one).as(BadUser.class),
                () -> conn.execute(one).one(BadUser.class),
                () -> conn.execute(one).columns("user_name").scalars(LocalDate.class).one(),
                () -> conn.execute(Sql.text("SELECT user_name FROM res_users WHERE id = 1")).scalar(LocalDate.class));
        for (Runnable way : ways) {
            assertThatThrownBy(way::run).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("Cannot convert value 'u1' of type java.lang.String in column 'USER_NAME' "
                            + "to java.time.LocalDate");
        }
    }

    @Test
    void aNullForAPrimitiveComponentIsOneArgumentExceptionNamingTheColumn() {
        TextClause one = Sql.text("SELECT id, CAST(NULL AS INT) AS age FROM res_users WHERE id = 1");
        assertThat(conn.execute(one).one(NullableAge.class)).isEqualTo(new NullableAge(1, null));
        for (Runnable way : List.<Runnable>of(() -> conn.execute(one).one(PrimitiveAge.class),
                () -> conn.execute(one).as(PrimitiveAge.class), () -> conn.execute(one).one().as(PrimitiveAge.class))) {
            assertThatThrownBy(way::run).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("Column 'AGE' is NULL, which a primitive int cannot hold");
        }
    }

    @OnEachDatabase
    void aResultReadAfterItsConnectionClosedRaisesResourceClosed(TestDatabase db) {
        String three = db.isPostgresql() ? "SELECT g AS id FROM generate_series(1, 3) g"
                : db.isMariadb() ? "SELECT seq AS id FROM seq_1_to_3" : "SELECT X AS id FROM SYSTEM_RANGE(1, 3)";
        try (Engine e = db.engine()) {
            Connection c = e.connect();
            Result r = c.execute(Sql.text(three));
            c.close();
            assertThatThrownBy(r::all).isInstanceOf(ResourceClosedException.class)
                    .hasMessageContaining("connection was closed before its rows were read");
            Connection c2 = e.connect();
            Result r2 = c2.execute(Sql.text(three));
            c2.close();
            assertThatThrownBy(() -> r2.as(Narrow.class)).isInstanceOf(ResourceClosedException.class);
            assertThat(e.pool().checkedOut()).isZero();
        }
    }

    @Test
    void closedResultsRaise() {
        Result r = conn.execute(ALL);
        r.close();
        assertThat(r.isClosed()).isTrue();
        assertThatThrownBy(r::all).isInstanceOf(ResourceClosedException.class);
    }

    @OnEachDatabase
    void insertedPrimaryKeyOfASingleRowInsert(TestDatabase db) {
        String ddl = db.isMariadb() ? "CREATE TABLE res_keys (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(10))"
                : "CREATE TABLE res_keys (id INT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v VARCHAR(10))";
        try (Engine e = db.engine(); Connection c = e.connect()) {
            c.execDriverSql("DROP TABLE IF EXISTS res_keys");
            c.execDriverSql(ddl);
            Result first = c.execute(Sql.text("INSERT INTO res_keys (v) VALUES (:v)"), Map.of("v", "a"));
            Result second = c.execute(Sql.text("INSERT INTO res_keys (v) VALUES (:v)"), Map.of("v", "b"));
            assertThat(first.isInsert()).isTrue();
            assertThat(first.rowCount()).isEqualTo(1);
            Optional<Row> key = second.insertedPrimaryKey();
            assertThat(key).isPresent();
            assertThat(key.get().get(0, Integer.class)).isEqualTo(
                    ((Number) c.scalar(Sql.text("SELECT MAX(id) FROM res_keys"))).intValue());
            c.execDriverSql("DROP TABLE res_keys");
            c.commit();
        }
    }

    @OnEachDatabase
    void generatedKeysNamesTheColumnsASingleInsertHandsBack(TestDatabase db) {
        String ddl = db.isMariadb() ? "CREATE TABLE res_named (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(10))"
                : "CREATE TABLE res_named (id INT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v VARCHAR(10))";
        TextClause insert = Sql.text("INSERT INTO res_named (v) VALUES (:v)");
        try (Engine e = db.engine(); Connection c = e.connect()) {
            c.execDriverSql("DROP TABLE IF EXISTS res_named");
            c.execDriverSql(ddl);
            Row key = c.execute(insert, Map.of("v", "a"), ExecutionOptions.empty().withGeneratedKeys("id"))
                    .insertedPrimaryKey().orElseThrow();
            assertThat(key.size()).isEqualTo(1);
            assertThat(key.get(0, Integer.class)).isEqualTo(c.scalar(Sql.text("SELECT MAX(id) FROM res_named"),
                    Map.of(), Integer.class));
            Result none = c.execute(insert.executionOptions(ExecutionOptions.of(Map.of("generated_keys", List.of()))),
                    Map.of("v", "b"));
            assertThat(none.rowCount()).isEqualTo(1);
            assertThat(none.insertedPrimaryKey()).isEmpty();
            assertThat(c.execute(insert, Map.of("v", "c"), ExecutionOptions.of(Map.of("generated_keys", "id")))
                    .insertedPrimaryKey()).isPresent();
            assertThatThrownBy(() -> ExecutionOptions.empty().with("generated_keys", " , "))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("'generated_keys' must name columns");
            c.execDriverSql("DROP TABLE res_named");
            c.commit();
        }
    }

    @OnEachDatabase
    void executemanyRowCountIsTheBatchTotal(TestDatabase db) {
        try (Engine e = db.engine(); Connection c = e.connect()) {
            c.execDriverSql("DROP TABLE IF EXISTS res_batch");
            c.execDriverSql("CREATE TABLE res_batch (id INT PRIMARY KEY, v INT)");
            c.execute(Sql.text("INSERT INTO res_batch VALUES (:id, 0)"),
                    List.of(Map.of("id", 1), Map.of("id", 2), Map.of("id", 3)));
            Result r = c.execute(Sql.text("UPDATE res_batch SET v = 1 WHERE id >= :id"),
                    List.of(Map.of("id", 1), Map.of("id", 3)));
            assertThat(r.rowCount()).isEqualTo(4);
            assertThat(c.execDriverSql("INSERT INTO res_batch VALUES (?, ?)",
                    List.of(new Object[] {4, 0}, new Object[] {5, 0})).rowCount()).isEqualTo(2);
            c.execDriverSql("DROP TABLE res_batch");
            c.commit();
        }
    }

    @OnEachDatabase
    void yieldPerStreamsInBatches(TestDatabase db) {
        String range = db.isPostgresql() ? "SELECT g FROM generate_series(1, 2500) g"
                : db.isMariadb() ? "SELECT seq FROM seq_1_to_2500" : "SELECT X FROM SYSTEM_RANGE(1, 2500)";
        try (Engine e = db.engine(); Connection c = e.connect()) {
            Result r = c.execute(Sql.text(range), Map.of(), ExecutionOptions.empty().withYieldPer(1000));
            long sum = 0;
            int partitions = 0;
            for (List<Row> part : r.partitions(1000)) {
                partitions++;
                for (Row row : part) {
                    sum += row.get(0, Long.class);
                }
            }
            assertThat(partitions).isEqualTo(3);
            assertThat(sum).isEqualTo(2500L * 2501 / 2);
            assertThat(r.isClosed()).isTrue();
        }
    }

    @dev.retort.engine.testing.OnEachServer
    void insertReturningHandsBackItsRows(TestDatabase db) {
        try (Engine e = db.engine(); Connection c = e.connect()) {
            c.execDriverSql("DROP TABLE IF EXISTS res_returning");
            c.execDriverSql("CREATE TABLE res_returning (id INT PRIMARY KEY, v VARCHAR(10))");
            Result r = c.execute(Sql.text("INSERT INTO res_returning (id, v) VALUES (:a, 'x'), (:b, 'y') RETURNING id"),
                    Map.of("a", 7, "b", 8));
            assertThat(r.returnsRows()).isTrue();
            assertThat(r.scalars(Integer.class).all()).containsExactly(7, 8);
            c.execDriverSql("DROP TABLE res_returning");
            c.commit();
        }
    }
}
