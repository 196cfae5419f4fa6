package dev.retort.engine.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.retort.engine.EngineUrl;
import dev.retort.engine.testing.FaultProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database is gone (it accepts connections and never answers): the whole {@code /actuator/health}, Boot's
 * {@code db} entry included, answers DOWN within {@code retort.engine.health.timeout} plus a small margin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoint.health.show-details=always", "retort.engine.health.timeout=1s",
        "retort.engine.fail-fast=false", "retort.engine.pool.timeout=3s",
        "spring.autoconfigure.exclude=org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration,"
                + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration" })
class DatabaseGoneHealthWebTest {

    private static FaultProxy database;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void engineUrl(DynamicPropertyRegistry registry) {
        // a partition in front of the test server: connections are accepted, no byte ever gets through
        database = FaultProxy.to(EngineUrl.parse(dev.retort.engine.testing.TestDatabase.POSTGRESQL.url()).port());
        database.blackHole();
        registry.add("retort.engine.url", () -> "postgresql://app:pw@127.0.0.1:" + database.port() + "/app");
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void healthIsDownWithinTheTimeoutAndDbEntryIsTheEnginesOwn() throws Exception {
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(response.statusCode()).isEqualTo(503);
            DocumentContext json = JsonPath.parse(response.body());
            assertThat(json.read("$.components.db.status", String.class)).isEqualTo("DOWN");
            assertThat(json.read("$.components.db.details.dialect", String.class)).isEqualTo("postgresql");
            assertThat(json.read("$.components.retort.status", String.class)).isEqualTo("DOWN");
            assertThat(tookMillis).as("the whole health check").isLessThan(1000 + 800);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
