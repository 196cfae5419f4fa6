package dev.retort.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/** JDBI 3 core with a hand-written row mapper and {@code inTransaction}. */
final class JdbiWorkload implements Workload {

    static final String BY_ID = "SELECT id, name, email, age, active, created FROM users WHERE id = :id";
    static final String RANGE = "SELECT id, name, email, age, active, created FROM users WHERE id BETWEEN :lo AND :hi "
            + "ORDER BY id";
    static final String INSERT_NAMED = "INSERT INTO users (name, email, age, active, created) "
            + "VALUES (:name, :email, :age, :active, :created)";
    static final RowMapper<User> MAPPER = (rs, ctx) -> new User(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getInt(4), rs.getBoolean(5), rs.getObject(6, LocalDateTime.class));

    private final Jdbi jdbi;

    JdbiWorkload(HikariDataSource ds) {
        this.jdbi = Jdbi.create(ds);
        jdbi.registerRowMapper(User.class, MAPPER);
    }

    @Override
    public User pointSelect(long id) {
        return jdbi.withHandle(h -> h.createQuery(BY_ID).bind("id", id).mapTo(User.class).one());
    }

    @Override
    public List<User> fetch1000(long firstId) {
        return jdbi.withHandle(h -> h.createQuery(RANGE).bind("lo", firstId).bind("hi", firstId + BATCH - 1)
                .mapTo(User.class).list());
    }

    @Override
    public long batchInsert1000(List<User> users) {
        return jdbi.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(INSERT_NAMED);
            for (User u : users) {
                batch.bind("name", u.name()).bind("email", u.email()).bind("age", u.age())
                        .bind("active", u.active()).bind("created", u.created()).add();
            }
            return (long) batch.execute().length;
        });
    }

    @Override
    public User txRoundTrip(User user) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate(INSERT_NAMED).bind("name", user.name()).bind("email", user.email())
                    .bind("age", user.age()).bind("active", user.active()).bind("created", user.created())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return h.createQuery(BY_ID).bind("id", id).mapTo(User.class).one();
        });
    }

    @Override
    public long streamAll() {
        return jdbi.inTransaction(h -> {
            try (Stream<Integer> ages = h.createQuery(SELECT_ALL).setFetchSize(FETCH_SIZE)
                    .map((rs, ctx) -> rs.getInt(4)).stream()) {
                return ages.mapToLong(Integer::longValue).sum();
            }
        });
    }

    @Override
    public void close() {
    }
}
