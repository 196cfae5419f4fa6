package dev.retort.engine.spring.testing;

import dev.retort.engine.EngineUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A database the Spring tests run on: H2 always; PostgreSQL at
 * {@code postgresql://postgres@127.0.0.1:5432/test} (or {@code RETORT_TEST_POSTGRES_URL}) when reachable, required
 * when {@code CI=true}, otherwise skipped with a message. Each {@link #create()} gives an isolated database: a fresh
 * H2 in-memory database, or a fresh PostgreSQL schema (the server is shared, so tests never touch {@code public}).
 */
public final class TestDatabase {

    private static final AtomicInteger H2_COUNTER = new AtomicInteger();

    /** Embedded H2. */
    public static final TestDatabase H2 = new TestDatabase("h2", dev.retort.engine.testing.TestDatabase.H2);

    /** Local PostgreSQL (reachability, CI rules and URL are engine-core's {@code TestDatabase}'s). */
    public static final TestDatabase POSTGRESQL = new TestDatabase("postgresql",
            dev.retort.engine.testing.TestDatabase.POSTGRESQL);

    private final String name;
    private final dev.retort.engine.testing.TestDatabase server;

    private TestDatabase(String name, dev.retort.engine.testing.TestDatabase server) {
        this.name = name;
        this.server = server;
    }

    /** An isolated database on this server. */
    public Db create() {
        requireAvailable();
        if (this == H2) {
            return new Db(this, "jdbc:h2:mem:spring_" + H2_COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "",
                    null);
        }
        EngineUrl parsed = EngineUrl.parse(server.url());
        String schema = "retort_spring_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(parsed, "CREATE SCHEMA " + schema);
        String jdbc = parsed.toJdbcUrl();
        jdbc += (jdbc.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Db(this, jdbc, parsed.username(), parsed.password(), schema);
    }

    void drop(Db db) {
        if (db.schema() != null) {
            execute(EngineUrl.parse(server.url()), "DROP SCHEMA IF EXISTS " + db.schema() + " CASCADE");
        }
    }

    private static void execute(EngineUrl parsed, String sql) {
        try (Connection c = DriverManager.getConnection(parsed.toJdbcUrl(), parsed.username(), parsed.password());
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The dialect name. */
    public String name() {
        return name;
    }

    /** Whether this is PostgreSQL. */
    public boolean isPostgresql() {
        return this == POSTGRESQL;
    }

    /** Fails under CI, skips elsewhere, when the server is not reachable. */
    public void requireAvailable() {
        server.requireAvailable();
    }

    @Override
    public String toString() {
        return name;
    }

    /** One isolated database: connect with {@link #jdbcUrl()}, {@link #username()}, {@link #password()}. */
    public record Db(TestDatabase server, String jdbcUrl, String username, String password, String schema)
            implements AutoCloseable {

        /** Drops the database (the PostgreSQL schema). */
        @Override
        public void close() {
            server.drop(this);
        }
    }
}
