package dev.retort.engine.testing;

import dev.retort.engine.Engine;
import dev.retort.engine.EngineUrl;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One database the behavioural suites run on. H2 is always available; PostgreSQL and MariaDB are used when
 * reachable: with {@code CI=true} an unreachable server fails the test; elsewhere
 * Testcontainers starts one when Docker is available, and otherwise the test is skipped with a message saying how to
 * enable it.
 */
public final class TestDatabase {

    private static final AtomicInteger H2_COUNTER = new AtomicInteger();

    private final String name;
    private volatile String url;
    private final String envVariable;
    private volatile Boolean reachable;
    private volatile String whyUnreachable = "";

    private TestDatabase(String name, String url, String envVariable) {
        this.name = name;
        this.url = url;
        this.envVariable = envVariable;
    }

    /** Embedded H2: a fresh in-memory database per {@link #url()} call. */
    public static final TestDatabase H2 = new TestDatabase("h2", "h2:mem:retort", null);

    /** Local PostgreSQL. */
    public static final TestDatabase POSTGRESQL = new TestDatabase("postgresql",
            env("RETORT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"), "RETORT_TEST_POSTGRES_URL");

    /** Local MariaDB. */
    public static final TestDatabase MARIADB = new TestDatabase("mariadb",
            env("RETORT_TEST_MARIADB_URL", "mariadb://root@127.0.0.1:3306/test"), "RETORT_TEST_MARIADB_URL");

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The dialect name. */
    public String name() {
        return name;
    }

    /** The URL to connect to; for H2 a new private in-memory database each call. */
    public String url() {
        requireAvailable();
        return this == H2 ? "h2:mem:retort_" + H2_COUNTER.incrementAndGet() : url;
    }

    /** A builder for an engine on this database. */
    public Engine.Builder builder() {
        return Engine.builder(url()).poolSize(2).maxOverflow(4);
    }

    /** An engine on this database. */
    public Engine engine() {
        return builder().build();
    }

    /** Whether this is H2. */
    public boolean isH2() {
        return this == H2;
    }

    /** Whether this is PostgreSQL. */
    public boolean isPostgresql() {
        return this == POSTGRESQL;
    }

    /** Whether this is MariaDB. */
    public boolean isMariadb() {
        return this == MARIADB;
    }

    /**
     * Makes sure the server is reachable: fails under CI, skips the test elsewhere with a message saying how to
     * enable it.
     */
    public void requireAvailable() {
        if (this == H2 || isReachable()) {
            return;
        }
        String message = name + " is not reachable at " + url + " (" + whyUnreachable + "). Start it with "
                + "scripts/test-databases.sh, point " + envVariable + " at a server, or start Docker so "
                + "Testcontainers can run one.";
        if (CI) {
            throw new AssertionError("CI=true requires " + message);
        }
        Assumptions.assumeTrue(false, message);
    }

    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    /**
     * Outside CI, when the server is unreachable and Docker is available, starts it with Testcontainers (left running
     * until the JVM exits; Testcontainers' reaper removes it). Docker is probed once, cheaply.
     */
    private boolean startContainer() {
        if (CI || !DockerProbe.AVAILABLE) {
            whyUnreachable += "; no Docker for Testcontainers";
            return false;
        }
        JdbcDatabaseContainer<?> container = isPostgresql()
                ? new PostgreSQLContainer("postgres:15-alpine").withDatabaseName("test").withUsername("postgres")
                        .withPassword("postgres").withCommand("postgres", "-c", "max_prepared_transactions=20")
                : new MariaDBContainer("mariadb:10.11").withDatabaseName("test").withUsername("root")
                        .withPassword("retort");
        try {
            container.start();
        } catch (RuntimeException e) {
            whyUnreachable += "; Testcontainers failed: " + e.getMessage();
            return false;
        }
        int port = container.getMappedPort(isPostgresql() ? 5432 : 3306);
        url = name + "://" + container.getUsername() + ":" + container.getPassword() + "@" + container.getHost() + ":"
                + port + "/test";
        return true;
    }

    /** Asks Testcontainers once whether a Docker engine answers (a docker CLI alone is not enough). */
    private static final class DockerProbe {
        static final boolean AVAILABLE = probe();

        private static boolean probe() {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
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
                        reachable = startContainer();
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
}
