package dev.retort.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Engine;
import dev.retort.sample.ledger.AuditListener;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The ledger end to end over real HTTP on embedded H2. {@code PostgresLedgerApplicationTest} runs the same tests
 * on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerApplicationTest {

    @LocalServerPort
    int port;

    @Autowired
    Engine engine;

    @Autowired
    AuditListener audit;

    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    record Reply(int status, JsonNode body, String text) {
    }

    Reply send(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(java.time.Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(
                            body instanceof String s ? s : json.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode node = null;
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.contains("json") && !response.body().isEmpty()) {
            node = json.readTree(response.body());
        }
        return new Reply(response.statusCode(), node, response.body());
    }

    Reply get(String path) throws Exception {
        return send("GET", path, null);
    }

    Reply post(String path, Object body) throws Exception {
        return send("POST", path, body);
    }

    long openAccount(String owner, String amount) throws Exception {
        Reply r = post("/accounts", Map.of("owner", owner, "initialDeposit", new BigDecimal(amount)));
        assertThat(r.status()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    BigDecimal balance(long id) throws Exception {
        return get("/accounts/" + id).body().get("balance").decimalValue();
    }

    BigDecimal total() throws Exception {
        return new BigDecimal(get("/ledger/total").text());
    }

    @AfterEach
    void noConnectionLeaks() {
        assertThat(engine.pool().checkedOut()).isZero();
    }

    @Test
    void seededAccountsExistAndAccountsCanBeOpenedAndRead() throws Exception {
        assertThat(get("/accounts/1").body().get("owner").asString()).isEqualTo("alice");
        long id = openAccount("dave", "10.50");
        Reply read = get("/accounts/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("owner").asString()).isEqualTo("dave");
        assertThat(read.body().get("balance").decimalValue()).isEqualByComparingTo("10.50");
        Reply missing = get("/accounts/999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("detail").asString()).isEqualTo("Account 999999 does not exist");
    }

    @Test
    void invalidRequestsAreRejectedWithAMessage() throws Exception {
        Reply blank = post("/accounts", Map.of("owner", "", "initialDeposit", 5));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().get("detail").asString()).contains("owner");
        Reply negative = post("/accounts/1/deposits", Map.of("amount", -3));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body().get("detail").asString()).contains("amount");
        Reply malformed = post("/transfers", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        Reply self = post("/transfers", Map.of("from", 1, "to", 1, "amount", 1));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.body().get("detail").asString()).isEqualTo("Cannot transfer from an account to itself");
    }

    @Test
    void depositsAndTransfersMoveMoneyAndFailuresApplyNothing() throws Exception {
        long a = openAccount("erin", "100.00");
        long b = openAccount("frank", "0.00");
        Reply deposit = post("/accounts/" + a + "/deposits", Map.of("amount", new BigDecimal("25.00")));
        assertThat(deposit.status()).isEqualTo(200);
        assertThat(deposit.body().get("balance").decimalValue()).isEqualByComparingTo("125.00");
        assertThat(post("/accounts/999999/deposits", Map.of("amount", 1)).status()).isEqualTo(404);

        Reply transfer = post("/transfers", Map.of("from", a, "to", b, "amount", new BigDecimal("40.00")));
        assertThat(transfer.status()).isEqualTo(201);
        assertThat(transfer.body().get("amount").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(balance(a)).isEqualByComparingTo("85.00");
        assertThat(balance(b)).isEqualByComparingTo("40.00");

        Reply tooMuch = post("/transfers", Map.of("from", b, "to", a, "amount", new BigDecimal("40.01")));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.body().get("detail").asString()).contains("insufficient funds");
        Reply unknownTarget = post("/transfers", Map.of("from", a, "to", 999999, "amount", 1));
        assertThat(unknownTarget.status()).isEqualTo(404);
        assertThat(balance(a)).isEqualByComparingTo("85.00");
        assertThat(balance(b)).isEqualByComparingTo("40.00");

        Reply statement = get("/accounts/" + b + "/statement");
        assertThat(statement.status()).isEqualTo(200);
        assertThat(statement.body().get("transfers")).hasSize(1);
        assertThat(get("/accounts/999999/statement").status()).isEqualTo(404);
    }

    @Test
    void batchCommitsExactlyTheGoodTransfers() throws Exception {
        long a = openAccount("gina", "50.00");
        long b = openAccount("hugo", "0.00");
        int transfersBefore = get("/accounts/" + b + "/statement").body().get("transfers").size();
        long rollbacksBefore = audit.rollbacks();
        Reply batch = post("/transfers/batch", List.of(
                Map.of("from", a, "to", b, "amount", 20),
                Map.of("from", a, "to", b, "amount", 100),
                Map.of("from", a, "to", 999999, "amount", 1),
                Map.of("from", a, "to", b, "amount", 30)));
        assertThat(batch.status()).isEqualTo(200);
        List<Boolean> committed = new ArrayList<>();
        batch.body().forEach(o -> committed.add(o.get("committed").asBoolean()));
        assertThat(committed).containsExactly(true, false, false, true);
        assertThat(batch.body().get(1).get("message").asString()).contains("insufficient funds");
        assertThat(balance(a)).isEqualByComparingTo("0.00");
        assertThat(balance(b)).isEqualByComparingTo("50.00");
        assertThat(get("/accounts/" + b + "/statement").body().get("transfers")).hasSize(transfersBefore + 2);
        assertThat(audit.rollbacks()).isEqualTo(rollbacksBefore);
    }

    @Test
    void concurrentTransfersConserveTheTotal() throws Exception {
        List<Long> accounts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            accounts.add(openAccount("c" + i, "1000.00"));
        }
        BigDecimal before = total();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    int[] statuses = new int[2];
                    for (int i = 0; i < 200; i++) {
                        long from = accounts.get(random.nextInt(4));
                        long to = accounts.get(random.nextInt(4));
                        if (from == to) {
                            continue;
                        }
                        int status = post("/transfers", Map.of("from", from, "to", to,
                                "amount", new BigDecimal(1 + random.nextInt(300)))).status();
                        statuses[status == 201 ? 0 : 1]++;
                        assertThat(status).isIn(201, 409);
                    }
                    return statuses;
                }));
            }
            int ok = 0;
            for (Future<int[]> f : results) {
                ok += f.get(5, TimeUnit.MINUTES)[0];
            }
            assertThat(ok).isPositive();
        } finally {
            pool.shutdownNow();
        }
        assertThat(total()).isEqualByComparingTo(before);
        for (long id : accounts) {
            assertThat(balance(id)).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        }
    }

    @Test
    void exportStreamsEveryTransfer() throws Exception {
        long a = openAccount("ivan", "10.00");
        long b = openAccount("judy", "0.00");
        for (int i = 0; i < 3; i++) {
            assertThat(post("/transfers", Map.of("from", a, "to", b, "amount", 1)).status()).isEqualTo(201);
        }
        Reply csv = get("/transfers/export.csv");
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.text().split("\n");
        assertThat(lines[0]).isEqualTo("id,from_account,to_account,amount,created_at");
        long count = ((Number) engine.scalar(dev.retort.engine.Sql.text("SELECT COUNT(*) FROM ledger_transfers")))
                .longValue();
        assertThat(lines).hasSize((int) count + 1);
        assertThat(lines[lines.length - 1]).contains("," + a + "," + b + ",1.00,");
    }

    @Test
    void actuatorShowsHealthMetricsAndEngines() throws Exception {
        post("/accounts/1/deposits", Map.of("amount", 1));
        Reply health = get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("UP");
        assertThat(health.body().get("components").get("retort").get("status").asString()).isEqualTo("UP");
        Reply metrics = get("/actuator/metrics/retort.statement");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body().get("measurements").get(0).get("value").asDouble()).isPositive();
        Reply engines = get("/actuator/retort");
        assertThat(engines.status()).isEqualTo(200);
        assertThat(engines.text()).contains("SlowStatementLogger").contains("AuditListener")
                .doesNotContain("password=");
        assertThat(audit.writes()).isPositive();
        assertThat(audit.commits()).isPositive();
    }
}
