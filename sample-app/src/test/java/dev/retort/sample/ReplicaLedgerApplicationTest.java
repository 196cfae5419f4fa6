package dev.retort.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.testing.PrivatePostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The ledger's {@code replica} profile against a real PostgreSQL primary and streaming hot standby (private clusters
 * on loopback ports 5454/5455, dropped afterwards): writes land on the primary, the read-only reports are served by
 * the standby, and after the primary stops and the standby is promoted the running application keeps taking
 * transfers through its two-host URL, with every acknowledged transfer still there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("replica")
@DirtiesContext
class ReplicaLedgerApplicationTest {

    private static final int PRIMARY = 5454;
    private static final int STANDBY = 5455;

    private static PrivatePostgres primary;
    private static PrivatePostgres standby;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void createPair() {
        PrivatePostgres.requireAvailable();
        primary = PrivatePostgres.create("retort_sample_primary", PRIMARY);
        try {
            standby = primary.standby("retort_sample_standby", STANDBY);
        } catch (RuntimeException | Error e) {
            primary.close();
            throw e;
        }
    }

    @AfterAll
    static void dropPair() {
        try {
            if (standby != null) {
                standby.close();
            }
        } finally {
            if (primary != null) {
                primary.close();
            }
        }
    }

    @DynamicPropertySource
    static void urls(DynamicPropertyRegistry registry) {
        registry.add("LEDGER_DB_URL", () -> "jdbc:postgresql://127.0.0.1:" + PRIMARY + ",127.0.0.1:" + STANDBY
                + "/test?targetServerType=primary&connectTimeout=2");
        registry.add("LEDGER_REPLICA_URL", () -> "postgresql://postgres@127.0.0.1:" + STANDBY + "/test");
    }

    @Test
    void writesGoToThePrimaryReportsToTheStandbyAndPromotionIsFollowed() throws Exception {
        HttpResponse<String> opened = post("/accounts", "{\"owner\":\"gina\",\"initialDeposit\":50}");
        assertThat(opened.statusCode()).isEqualTo(201);
        long id = json.readTree(opened.body()).get("id").asLong();
        assertThat(post("/transfers", "{\"from\":" + id + ",\"to\":1,\"amount\":20}").statusCode()).isEqualTo(201);
        waitUntilStandbyReplayed();

        double replicaCheckouts = replicaCheckouts();
        JsonNode statement = json.readTree(get("/accounts/" + id + "/statement").body());
        assertThat(statement.get("account").get("balance").decimalValue()).isEqualByComparingTo("30");
        assertThat(statement.get("transfers")).hasSize(1);
        assertThat(replicaCheckouts()).isGreaterThan(replicaCheckouts); // the report was read on the standby
        assertThat(count("127.0.0.1", STANDBY, "SELECT count(*) FROM ledger_transfers WHERE from_account = " + id))
                .isEqualTo(1);

        primary.stop();
        standby.promote();
        int status = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int attempt = 0; attempt < 20 && status != 201 && System.nanoTime() < deadline; attempt++) {
            status = post("/transfers", "{\"from\":" + id + ",\"to\":1,\"amount\":5}").statusCode();
            if (status != 201) {
                assertThat(status).as("a failed transfer is an error, never a success").isGreaterThanOrEqualTo(500);
                Thread.sleep(500);
            }
        }
        assertThat(status).isEqualTo(201);
        assertThat(count("127.0.0.1", STANDBY, "SELECT count(*) FROM ledger_transfers WHERE from_account = " + id))
                .isEqualTo(2); // the transfer acknowledged before the switch and the one after
        assertThat(json.readTree(get("/accounts/" + id).body()).get("balance").decimalValue())
                .isEqualByComparingTo("25");
    }

    private void waitUntilStandbyReplayed() throws Exception {
        String target;
        try (var c = DriverManager.getConnection(primary.jdbcUrl("test"), "postgres", null);
                var rs = c.createStatement().executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            target = rs.getString(1);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (int attempt = 0; attempt < 200 && System.nanoTime() < deadline; attempt++) {
            if (count("127.0.0.1", STANDBY, "SELECT CASE WHEN pg_last_wal_replay_lsn() >= '" + target
                    + "'::pg_lsn THEN 1 ELSE 0 END") == 1) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the standby did not replay " + target + " within 20 s");
    }

    private static long count(String host, int port, String sql) throws SQLException {
        try (var c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/test", "postgres", null);
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private double replicaCheckouts() throws Exception {
        JsonNode meter = json.readTree(get("/actuator/metrics/retort.connections.checkout?tag=role:replica").body());
        return meter.get("measurements").get(0).get("value").asDouble();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
