package dev.retort.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code JdbcTemplate} reads inside a read-only {@code TransactionTemplate} over {@code DataSourceTransactionManager}:
 * the Spring idiom with the same semantics as Retort's default read (a transaction around each read). The write
 * workloads are {@link JdbcTemplateWorkload}'s.
 */
final class JdbcTemplateTxWorkload implements Workload {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final JdbcTemplateWorkload writes;

    JdbcTemplateTxWorkload(HikariDataSource ds) {
        this.jdbc = new JdbcTemplate(ds);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(ds));
        this.readOnly.setReadOnly(true);
        this.writes = new JdbcTemplateWorkload(ds);
    }

    @Override
    public User pointSelect(long id) {
        return readOnly.execute(status -> jdbc.queryForObject(SELECT_BY_ID, JdbcTemplateWorkload.MAPPER, id));
    }

    @Override
    public List<User> fetch1000(long firstId) {
        return readOnly.execute(status -> jdbc.query(SELECT_RANGE, JdbcTemplateWorkload.MAPPER, firstId,
                firstId + BATCH - 1));
    }

    @Override
    public long batchInsert1000(List<User> users) {
        return writes.batchInsert1000(users);
    }

    @Override
    public User txRoundTrip(User user) {
        return writes.txRoundTrip(user);
    }

    @Override
    public long streamAll() {
        return writes.streamAll();
    }

    @Override
    public void close() {
    }
}
