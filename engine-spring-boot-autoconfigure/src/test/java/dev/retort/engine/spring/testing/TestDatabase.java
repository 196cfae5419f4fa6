package dev.retort.engine.spring.testing;

import dev.retort.engine.EngineUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A database the Spring tests run on (see "Test databases" in DESIGN.md): H2 always; PostgreSQL at
 * {@code postgresql://postgres@127.0.0.1:5432/test} (or {@code RETORT_TEST_POSTGRES_URL}) when reachable, required
 * when {@code CI=true}, otherwise skipped with a message. Each {@link #create()} gives an isolated database: a fresh
 * H2 in-memory database, or a fresh PostgreSQL schema (the server is shared, so tests never touch {@code public}).
 */
public final class TestDatabase {

    private static final AtomicInteger H2_COUNTER = new AtomicInteger();

    /** Embedded H2. */
    public static final TestDatabase H2 = new TestDatabase("h2", null);

    /** Local PostgreSQL. */
    public static final TestDatabase POSTGRESQL = new TestDatabase("postgresql",
            env("RETORT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"));

    private final String name;
    private final String url;
    private volatile Boolean reachable;
    private volatile String whyUnreachable = "";

    private TestDatabase(String name, String url) {
        this.name = name;
        this.url = url;
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** An isolated database on this server. */
    public Db create() {
        requireAvailable();
        if (this == H2) {
            return new Db(this, "jdbc:h2:mem:spring_" + H2_COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "",
                    null);
        }
        EngineUrl parsed = EngineUrl.parse(url);
        String schema = "retort_spring_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(parsed, "CREATE SCHEMA " + schema);
        String jdbc = parsed.toJdbcUrl();
        jdbc += (jdbc.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Db(this, jdbc, parsed.username(), parsed.password(), schema);
    }

    void drop(Db db) {
        if (db.schema() != null) {
            execute(EngineUrl.parse(url), "DROP SCHEMA IF EXISTS " + db.schema() + " CASCADE");
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
        if (this == H2 || isReachable()) {
            return;
        }
        String message = name + " is not reachable at " + url + " (" + whyUnreachable + "). Start it with "
                + "scripts/test-databases.sh or point RETORT_TEST_POSTGRES_URL at a server.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true requires " + message);
        }
        Assumptions.assumeTrue(false, message);
    }

    private boolean isReachable() {
        if (reachable == null) {
            synchronized (this) {
                if (reachable == null) {
                    EngineUrl parsed = EngineUrl.parse(url);
                    try (var c = DriverManager.getConnection(parsed.toJdbcUrl(), parsed.username(),
                            parsed.password())) {
                        reachable = c.isValid(5);
                    } catch (SQLException e) {
                        whyUnreachable = e.getMessage();
                        reachable = false;
                    }
                }
            }
        }
        return reachable;
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
