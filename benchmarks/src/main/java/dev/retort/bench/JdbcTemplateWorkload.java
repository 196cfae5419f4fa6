package dev.retort.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.PreparedStatement;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Spring's {@code JdbcTemplate} with a {@code TransactionTemplate} over {@code DataSourceTransactionManager}. */
final class JdbcTemplateWorkload implements Workload {

    static final RowMapper<User> MAPPER = (rs, n) -> JdbcWorkload.map(rs);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    JdbcTemplateWorkload(HikariDataSource ds) {
        this.jdbc = new JdbcTemplate(ds);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    }

    @Override
    public User pointSelect(long id) {
        return jdbc.queryForObject(SELECT_BY_ID, MAPPER, id);
    }

    @Override
    public List<User> fetch1000(long firstId) {
        return jdbc.query(SELECT_RANGE, MAPPER, firstId, firstId + BATCH - 1);
    }

    @Override
    public long batchInsert1000(List<User> users) {
        int[] counts = tx.execute(status -> jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws java.sql.SQLException {
                JdbcWorkload.bind(ps, users.get(i));
            }

            @Override
            public int getBatchSize() {
                return users.size();
            }
        }));
        return counts.length;
    }

    @Override
    public User txRoundTrip(User user) {
        return tx.execute(status -> {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.update(c -> {
                PreparedStatement ps = c.prepareStatement(INSERT, new String[] {"id"});
                JdbcWorkload.bind(ps, user);
                return ps;
            }, keys);
            return jdbc.queryForObject(SELECT_BY_ID, MAPPER, keys.getKeyAs(Long.class));
        });
    }

    @Override
    public long streamAll() {
        return tx.execute(status -> {
            long[] sum = {0};
            JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
            streaming.setFetchSize(FETCH_SIZE);
            streaming.query(SELECT_ALL, rs -> {
                sum[0] += rs.getInt(4);
            });
            return sum[0];
        });
    }

    @Override
    public void close() {
    }
}
