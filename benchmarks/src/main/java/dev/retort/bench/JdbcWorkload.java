package dev.retort.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Hand-written JDBC over the pool: the floor. */
final class JdbcWorkload implements Workload {

    private final HikariDataSource ds;

    JdbcWorkload(HikariDataSource ds) {
        this.ds = ds;
    }

    static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5),
                rs.getObject(6, LocalDateTime.class));
    }

    static void bind(PreparedStatement ps, User u) throws SQLException {
        ps.setString(1, u.name());
        ps.setString(2, u.email());
        ps.setInt(3, u.age());
        ps.setBoolean(4, u.active());
        ps.setObject(5, u.created());
    }

    static User pointSelect(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_BY_ID)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return map(rs);
            }
        }
    }

    static List<User> fetch1000(Connection c, long firstId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_RANGE)) {
            ps.setLong(1, firstId);
            ps.setLong(2, firstId + BATCH - 1);
            try (ResultSet rs = ps.executeQuery()) {
                List<User> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(map(rs));
                }
                return out;
            }
        }
    }

    @Override
    public User pointSelect(long id) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return pointSelect(c, id);
        }
    }

    @Override
    public List<User> fetch1000(long firstId) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return fetch1000(c, firstId);
        }
    }

    @Override
    public long batchInsert1000(List<User> users) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (User u : users) {
                    bind(ps, u);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                c.commit();
                return counts.length;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    @Override
    public User txRoundTrip(User user) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
                    bind(ps, user);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                User read;
                try (PreparedStatement ps = c.prepareStatement(SELECT_BY_ID)) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        read = map(rs);
                    }
                }
                c.commit();
                return read;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    @Override
    public long streamAll() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL only honours the fetch size inside a transaction
            try (PreparedStatement ps = c.prepareStatement(SELECT_ALL)) {
                ps.setFetchSize(FETCH_SIZE);
                long sum = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sum += rs.getInt(4);
                    }
                }
                c.rollback();
                return sum;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    @Override
    public void close() {
    }
}
