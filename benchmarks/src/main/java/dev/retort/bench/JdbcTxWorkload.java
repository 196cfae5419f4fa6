package dev.retort.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Hand-written JDBC with the semantics of Retort's default read: on the same autocommit pool, each read turns
 * autocommit off, queries, rolls back and turns autocommit back on (SQLAlchemy 2.0's autobegin plus the rollback on
 * close). The floor for {@code library=retort} reads; the write workloads are {@link JdbcWorkload}'s, which already
 * run in a transaction.
 */
final class JdbcTxWorkload implements Workload {

    private final HikariDataSource ds;
    private final JdbcWorkload writes;

    JdbcTxWorkload(HikariDataSource ds) {
        this.ds = ds;
        this.writes = new JdbcWorkload(ds);
    }

    @Override
    public User pointSelect(long id) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                return JdbcWorkload.pointSelect(c, id);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @Override
    public List<User> fetch1000(long firstId) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                return JdbcWorkload.fetch1000(c, firstId);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @Override
    public long batchInsert1000(List<User> users) throws SQLException {
        return writes.batchInsert1000(users);
    }

    @Override
    public User txRoundTrip(User user) throws SQLException {
        return writes.txRoundTrip(user);
    }

    @Override
    public long streamAll() throws SQLException {
        return writes.streamAll();
    }

    @Override
    public void close() {
    }
}
