package dev.retort.bench;

import static dev.retort.engine.schema.ColumnOption.primaryKey;
import static dev.retort.engine.schema.Types.BIGINT;
import static dev.retort.engine.schema.Types.BOOLEAN;
import static dev.retort.engine.schema.Types.INTEGER;
import static dev.retort.engine.schema.Types.TIMESTAMP;
import static dev.retort.engine.schema.Types.string;
import static dev.retort.engine.sql.Expressions.insert;
import static dev.retort.engine.sql.Expressions.select;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.Result;
import dev.retort.engine.schema.Column;
import dev.retort.engine.schema.MetaData;
import dev.retort.engine.schema.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Retort's SQL expression language, written the way a user writes Core statements: a typed {@link Table}, and every
 * statement built anew on each call ({@code select(users).where(users.id.eq(id))}), never kept in a field — the
 * structural compiled cache is what makes that cheap. Semantics are those of {@link RetortWorkload} (library
 * {@code retort}): reads on {@code engine.connect()} (autobegin, rollback on close), writes in {@code engine.begin()}.
 */
final class RetortExprWorkload implements Workload {

    /** The benchmark's {@code users} table, declared the typed way. */
    static final class Users extends Table {
        final Column<Long> id = column("id", BIGINT, primaryKey());
        final Column<String> name = column("name", string(100));
        final Column<String> email = column("email", string(200));
        final Column<Integer> age = column("age", INTEGER);
        final Column<Boolean> active = column("active", BOOLEAN);
        final Column<LocalDateTime> created = column("created", TIMESTAMP);

        Users(MetaData metadata) {
            super("users", metadata);
        }
    }

    /** An option value like any other constant; the statement that carries it is still built per call. */
    static final ExecutionOptions STREAM = ExecutionOptions.empty().withYieldPer(FETCH_SIZE);

    final Users users = new Users(new MetaData());
    final Engine engine;

    RetortExprWorkload(Engine engine) {
        this.engine = engine;
    }

    @Override
    public User pointSelect(long id) {
        try (Connection conn = engine.connect()) {
            return conn.execute(select(users).where(users.id.eq(id))).one(User.class);
        }
    }

    @Override
    public List<User> fetch1000(long firstId) {
        try (Connection conn = engine.connect()) {
            return conn.execute(select(users).where(users.id.between(firstId, firstId + BATCH - 1))
                    .orderBy(users.id)).as(User.class);
        }
    }

    @Override
    public long batchInsert1000(List<User> rows) {
        List<Map<String, Object>> sets = new ArrayList<>(rows.size());
        for (User u : rows) {
            sets.add(RetortWorkload.params(u));
        }
        try (Connection conn = engine.begin()) {
            long n = conn.execute(insert(users), sets).rowCount();
            conn.commit();
            return n;
        }
    }

    @Override
    public User txRoundTrip(User user) {
        try (Connection conn = engine.begin()) {
            Result inserted = conn.execute(insert(users).values(users.name, user.name())
                    .values(users.email, user.email()).values(users.age, user.age())
                    .values(users.active, user.active()).values(users.created, user.created()));
            Long id = inserted.insertedPrimaryKey().orElseThrow().get(users.id);
            User read = conn.execute(select(users).where(users.id.eq(id))).one(User.class);
            conn.commit();
            return read;
        }
    }

    @Override
    public long streamAll() {
        return RetortWorkload.sumOfAges(engine, select(users).executionOptions(STREAM));
    }

    @Override
    public void close() {
        engine.close();
    }
}
