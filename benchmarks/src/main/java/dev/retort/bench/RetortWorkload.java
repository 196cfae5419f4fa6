package dev.retort.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Executable;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.IsolationLevel;
import dev.retort.engine.Result;
import dev.retort.engine.Sql;
import dev.retort.engine.TextClause;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Retort, written the way its README shows: {@code engine.connect()} / {@code engine.begin()}, named parameters.
 *
 * <p>Reads run on {@code reads}: the engine itself (SQLAlchemy 2.0 semantics: the first statement autobegins a
 * transaction, {@code close()} rolls it back), or for {@code retortAutocommit} an option engine with
 * {@code isolation_level=AUTOCOMMIT}, SQLAlchemy's way to run statements without a transaction. Writes always use
 * {@code engine.begin()} on the transactional engine.
 */
final class RetortWorkload implements Workload {

    static final TextClause BY_ID = Sql.text(
            "SELECT id, name, email, age, active, created FROM users WHERE id = :id");
    static final TextClause RANGE = Sql.text(
            "SELECT id, name, email, age, active, created FROM users WHERE id BETWEEN :lo AND :hi ORDER BY id");
    static final TextClause ALL = Sql.text("SELECT id, name, email, age, active, created FROM users")
            .executionOptions(ExecutionOptions.empty().withYieldPer(FETCH_SIZE));
    /** Names its key column, as the JDBC code does, so pgjdbc appends {@code RETURNING id}, not {@code RETURNING *}. */
    static final TextClause INSERT_USER = Sql.text(
            "INSERT INTO users (name, email, age, active, created) VALUES (:name, :email, :age, :active, :created)")
            .executionOptions(ExecutionOptions.empty().withGeneratedKeys("id"));

    final Engine engine;
    final Engine reads;

    RetortWorkload(Engine engine) {
        this(engine, false);
    }

    RetortWorkload(Engine engine, boolean autocommitReads) {
        this.engine = engine;
        this.reads = autocommitReads
                ? engine.executionOptions(ExecutionOptions.empty().withIsolationLevel(IsolationLevel.AUTOCOMMIT))
                : engine;
    }

    static Engine engine(HikariDataSource ds, Database db) {
        return Engine.builder(ds).dialect(db.dialect()).build();
    }

    static Map<String, Object> params(User u) {
        Map<String, Object> p = new HashMap<>(8);
        p.put("name", u.name());
        p.put("email", u.email());
        p.put("age", u.age());
        p.put("active", u.active());
        p.put("created", u.created());
        return p;
    }

    @Override
    public User pointSelect(long id) {
        try (Connection conn = reads.connect()) {
            return conn.execute(BY_ID, Map.of("id", id)).one(User.class);
        }
    }

    @Override
    public List<User> fetch1000(long firstId) {
        try (Connection conn = reads.connect()) {
            return conn.execute(RANGE, Map.of("lo", firstId, "hi", firstId + BATCH - 1)).as(User.class);
        }
    }

    @Override
    public long batchInsert1000(List<User> users) {
        List<Map<String, Object>> rows = new ArrayList<>(users.size());
        for (User u : users) {
            rows.add(params(u));
        }
        try (Connection conn = engine.begin()) {
            long n = conn.execute(INSERT_USER, rows).rowCount();
            conn.commit();
            return n;
        }
    }

    @Override
    public User txRoundTrip(User user) {
        try (Connection conn = engine.begin()) {
            Result inserted = conn.execute(INSERT_USER, params(user));
            Object id = inserted.insertedPrimaryKey().orElseThrow().get(0);
            User read = conn.execute(BY_ID, Map.of("id", id)).one(User.class);
            conn.commit();
            return read;
        }
    }

    @Override
    public long streamAll() {
        return sumOfAges(reads, ALL);
    }

    /** Runs {@code statement} (all columns of {@code users}) on a connection of {@code engine}, summing {@code age}. */
    static long sumOfAges(Engine engine, Executable statement) {
        long sum = 0;
        try (Connection conn = engine.connect(); Result result = conn.execute(statement)) {
            for (Object age : result.scalars(3)) {
                sum += (Integer) age;
            }
        }
        return sum;
    }

    @Override
    public void close() {
        engine.close();
    }
}
