package dev.retort.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring's {@code JdbcClient} with named parameters. It has no batch API, so {@code batchInsert1000} uses the
 * {@code NamedParameterJdbcTemplate} a JdbcClient user would reach for.
 */
final class JdbcClientWorkload implements Workload {

    static final String BY_ID = "SELECT id, name, email, age, active, created FROM users WHERE id = :id";
    static final String RANGE = "SELECT id, name, email, age, active, created FROM users WHERE id BETWEEN :lo AND :hi "
            + "ORDER BY id";
    static final String INSERT_NAMED = "INSERT INTO users (name, email, age, active, created) "
            + "VALUES (:name, :email, :age, :active, :created)";

    private final JdbcClient client;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;

    JdbcClientWorkload(HikariDataSource ds) {
        this.named = new NamedParameterJdbcTemplate(ds);
        this.client = JdbcClient.create(named);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    }

    static MapSqlParameterSource params(User u) {
        return new MapSqlParameterSource().addValue("name", u.name()).addValue("email", u.email())
                .addValue("age", u.age()).addValue("active", u.active()).addValue("created", u.created());
    }

    @Override
    public User pointSelect(long id) {
        return client.sql(BY_ID).param("id", id).query(JdbcTemplateWorkload.MAPPER).single();
    }

    @Override
    public List<User> fetch1000(long firstId) {
        return client.sql(RANGE).param("lo", firstId).param("hi", firstId + BATCH - 1)
                .query(JdbcTemplateWorkload.MAPPER).list();
    }

    @Override
    public long batchInsert1000(List<User> users) {
        SqlParameterSource[] batch = new SqlParameterSource[users.size()];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = params(users.get(i));
        }
        return tx.execute(status -> named.batchUpdate(INSERT_NAMED, batch)).length;
    }

    @Override
    public User txRoundTrip(User user) {
        return tx.execute(status -> {
            KeyHolder keys = new GeneratedKeyHolder();
            client.sql(INSERT_NAMED).paramSource(params(user)).update(keys, "id");
            return client.sql(BY_ID).param("id", keys.getKeyAs(Long.class)).query(JdbcTemplateWorkload.MAPPER)
                    .single();
        });
    }

    @Override
    public long streamAll() {
        return tx.execute(status -> {
            try (Stream<Integer> ages = client.sql(SELECT_ALL).withFetchSize(FETCH_SIZE)
                    .query((rs, n) -> rs.getInt(4)).stream()) {
                return ages.mapToLong(Integer::longValue).sum();
            }
        });
    }

    @Override
    public void close() {
    }
}
