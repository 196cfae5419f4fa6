package dev.retort.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A private PostgreSQL cluster for tests that stop, restart or kill the server (never the shared one on 5432). Made
 * with Debian's {@code pg_createcluster} on a loopback port: {@code listen_addresses=127.0.0.1}, trust authentication
 * (replication too), {@code max_prepared_transactions > 0}, a database {@code test}. {@link #close()} drops it; a
 * stale cluster of the same name left by an aborted run is dropped before it is created. Every cluster command is
 * bounded in time. Needs root (or the postgres user) and the postgresql-common tools; without them the test is
 * skipped, and with {@code CI=true} it fails. {@link #standby} makes a streaming hot standby of a cluster
 * ({@code pg_basebackup -R}); {@link #promote()} turns a standby into a primary.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Path CONFIG_ROOT = Path.of("/etc/postgresql");
    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    private final String version;
    private final String name;
    private final int port;

    private PrivatePostgres(String version, String name, int port) {
        this.version = version;
        this.name = name;
        this.port = port;
    }

    /** Creates and starts a cluster named {@code name} on {@code port} with the default settings. */
    public static PrivatePostgres create(String name, int port) {
        return create(name, port, Map.of());
    }

    /**
     * Creates and starts a cluster named {@code name} on {@code port}; {@code settings} are extra
     * {@code postgresql.conf} entries (e.g. {@code wal_level}, {@code hot_standby}).
     */
    public static PrivatePostgres create(String name, int port, Map<String, String> settings) {
        String version = installedVersion();
        PrivatePostgres cluster = new PrivatePostgres(version, name, port);
        cluster.newCluster(settings);
        try {
            cluster.start();
            cluster.createTestDatabase();
        } catch (RuntimeException | Error e) {
            cluster.drop();
            throw e;
        }
        return cluster;
    }

    /**
     * Creates and starts a streaming hot standby of this cluster, named {@code name} on {@code port}: a new cluster
     * whose data directory is replaced by a {@code pg_basebackup -R} of this one (replication over the trusted
     * loopback, WAL streamed during the copy), so it follows this cluster until {@link #promote() promoted}. A stale
     * cluster of that name is dropped first. Drop the standby before this cluster.
     */
    public PrivatePostgres standby(String name, int port) {
        PrivatePostgres standby = new PrivatePostgres(version, name, port);
        standby.newCluster(Map.of("hot_standby", "on"));
        try {
            Path data = Path.of("/var/lib/postgresql").resolve(version).resolve(name);
            try (Stream<Path> files = Files.list(data)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    deleteRecursively(file);
                }
            }
            run(List.of("runuser", "-u", "postgres", "--", "/usr/lib/postgresql/" + version + "/bin/pg_basebackup",
                    "-h", "127.0.0.1", "-p", String.valueOf(port()), "-U", "postgres", "-D", data.toString(), "-R",
                    "-X", "stream", "-c", "fast"));
            standby.start();
        } catch (IOException e) {
            standby.drop();
            throw new IllegalStateException("cannot empty the data directory of " + standby, e);
        } catch (RuntimeException | Error e) {
            standby.drop();
            throw e;
        }
        return standby;
    }

    /** Promotes a standby to a primary ({@code pg_ctl promote}) and waits (at most 30 s) until it accepts writes. */
    public void promote() {
        ctl("promote");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (java.sql.Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", null);
                    var st = c.createStatement(); var rs = st.executeQuery("SELECT pg_is_in_recovery()")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return;
                }
            } catch (SQLException e) {
                // not accepting connections yet
            }
            sleep(100);
        }
        throw new IllegalStateException(this + " was not promoted within 30 s");
    }

    /**
     * Drops a stale cluster of this name, creates it (stopped) and writes the test settings plus {@code settings}
     * into its {@code conf.d}.
     */
    private void newCluster(Map<String, String> settings) {
        dropIfPresent();
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("listen_addresses", "127.0.0.1");
        conf.put("max_prepared_transactions", "10");
        conf.put("max_connections", "60");
        conf.put("shared_buffers", "16MB");
        conf.put("fsync", "off"); // the OS does not crash in a test; commits still survive a server crash
        conf.putAll(settings);
        run(List.of("pg_createcluster", version, name, "-p", String.valueOf(port), "--start-conf", "manual", "--",
                "--auth=trust"));
        try {
            StringBuilder lines = new StringBuilder();
            conf.forEach((key, value) -> lines.append(key).append(" = '").append(value).append("'\n"));
            Files.writeString(configDirectory().resolve("conf.d").resolve("retort.conf"), lines);
        } catch (IOException e) {
            drop();
            throw new IllegalStateException("cannot write the settings of " + this, e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> children = Files.list(path)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    deleteRecursively(child);
                }
            }
        }
        Files.delete(path);
    }

    /** Whether private clusters can be made here; skips the test (fails it under {@code CI=true}) when not. */
    public static void requireAvailable() {
        String why = unavailableReason();
        if (why == null) {
            return;
        }
        String message = "A private PostgreSQL cluster cannot be created: " + why + ". Install postgresql and "
                + "postgresql-common and run the tests as root";
        if (CI) {
            throw new AssertionError("CI=true requires it. " + message);
        }
        Assumptions.assumeTrue(false, message);
    }

    private static String unavailableReason() {
        if (!Files.isExecutable(Path.of("/usr/bin/pg_createcluster"))) {
            return "pg_createcluster not found";
        }
        if (!Files.isWritable(CONFIG_ROOT)) {
            return CONFIG_ROOT + " is not writable (not root?)";
        }
        return null;
    }

    private static String installedVersion() {
        requireAvailable();
        try (Stream<Path> dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
            return dirs.filter(d -> Files.isExecutable(d.resolve("bin/postgres")))
                    .map(d -> d.getFileName().toString())
                    .max(Comparator.comparingDouble(Double::parseDouble))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server under /usr/lib/postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /usr/lib/postgresql", e);
        }
    }

    /** The loopback port. */
    public int port() {
        return port;
    }

    /** The cluster name. */
    public String name() {
        return name;
    }

    /** The PostgreSQL major version, e.g. {@code 15}. */
    public String version() {
        return version;
    }

    /** The configuration directory ({@code /etc/postgresql/VERSION/NAME}). */
    public Path configDirectory() {
        return CONFIG_ROOT.resolve(version).resolve(name);
    }

    /** The engine URL of database {@code test} as user {@code postgres}. */
    public String url() {
        return url("test");
    }

    /** The engine URL of {@code database} as user {@code postgres}. */
    public String url(String database) {
        return "postgresql://postgres@127.0.0.1:" + port + "/" + database;
    }

    /** The JDBC URL of {@code database}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Starts the server and waits until it accepts connections. */
    public void start() {
        ctl("start");
        awaitReady();
    }

    /** Stops the server cleanly ({@code fast} mode: sessions are disconnected, then a checkpoint). */
    public void stop() {
        ctl("stop", "-m", "fast");
    }

    /** Stops the server as a crash would ({@code immediate} mode: no checkpoint, recovery at the next start). */
    public void crash() {
        ctl("stop", "-m", "immediate");
    }

    /** Restarts the server ({@code fast}) and waits until it accepts connections. */
    public void restart() {
        ctl("restart", "-m", "fast");
        awaitReady();
    }

    /**
     * Ends every client session of database {@code test} ({@code pg_terminate_backend}) except the one asking.
     *
     * @return how many sessions were ended
     */
    public int terminateBackends() {
        try (java.sql.Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", null);
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
                        + "datname = 'test' AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("pg_terminate_backend on " + this + " failed", e);
        }
    }

    /** Stops the server and removes the cluster with its data. */
    public void drop() {
        dropIfPresent();
    }

    @Override
    public void close() {
        drop();
    }

    private void dropIfPresent() {
        if (Files.exists(configDirectory())) {
            run(List.of("pg_dropcluster", "--stop", version, name));
        }
    }

    private void ctl(String... action) {
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, name));
        command.addAll(List.of(action));
        run(command);
    }

    private void createTestDatabase() {
        try (java.sql.Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", null);
                var st = c.createStatement()) {
            st.execute("CREATE DATABASE test");
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE test on " + this + " failed", e);
        }
    }

    /** Polls until the server accepts a connection (at most 30 s, 100 ms apart). */
    private void awaitReady() {
        SQLException last = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (java.sql.Connection c = DriverManager.getConnection(jdbcUrl("postgres") + "?connectTimeout=2",
                    "postgres", null)) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            sleep(100);
        }
        throw new IllegalStateException(this + " did not accept connections within 30 s", last);
    }

    /** Runs a cluster command, bounded by {@link #COMMAND_TIMEOUT}; its output goes into the failure message. */
    private static void run(List<String> command) {
        try {
            Path log = Files.createTempFile("retort-pg", ".log");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                            + COMMAND_TIMEOUT.toSeconds() + " s: " + Files.readString(log, StandardCharsets.UTF_8));
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                            + p.exitValue() + ": " + Files.readString(log, StandardCharsets.UTF_8));
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "PrivatePostgres[" + version + "/" + name + " on 127.0.0.1:" + port + "]";
    }
}
