package dev.retort.engine.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.retort.engine.Engine;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.Sql;
import dev.retort.engine.sql.SchemaTranslateMap;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health,retort,metrics",
        "management.endpoint.health.show-details=always", "retort.engine.health.timeout=1s" })
class RetortActuatorWebTest {

    @LocalServerPort
    private int port;

    @Autowired
    private Engine main;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void retortEndpointDescribesEveryEngineWithoutSecrets() throws Exception {
        main.withConnection(c -> c.execute(Sql.text("SELECT 1")).all());
        long hits = main.compiledCache().hits();
        long misses = main.compiledCache().misses();
        main.withConnection(c -> {
            c.execute(Sql.select(Sql.literalColumn("41"))).all();
            return c.execute(Sql.select(Sql.literalColumn("41"))).all();
        });

        HttpResponse<String> response = get("/actuator/retort");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("s3cret");
        DocumentContext json = JsonPath.parse(response.body());
        assertThat(json.read("$.engines.main.dialect", String.class)).isEqualTo("h2");
        assertThat(json.read("$.engines.main.driver", String.class)).isNotBlank();
        assertThat(json.read("$.engines.main.defaultIsolationLevel", String.class)).isEqualTo("READ COMMITTED");
        assertThat(json.read("$.engines.main.executionOptions.logging_token", String.class)).isEqualTo("web");
        assertThat(json.read("$.engines.main.pool.poolClass", String.class)).isEqualTo("queue");
        assertThat(json.read("$.engines.main.pool.size", Integer.class)).isEqualTo(2);
        assertThat(json.read("$.engines.main.pool.max", Integer.class)).isEqualTo(3);
        assertThat(json.read("$.engines.main.pool.checkedOut", Integer.class)).isZero();
        assertThat(json.read("$.engines.main.pool.timeoutMillis", Long.class)).isEqualTo(30_000L);
        assertThat(json.<List<String>>read("$.engines.main.listeners")).containsExactly(
                EngineMetrics.class.getName(), EngineObservations.class.getName());
        assertThat(json.read("$.engines.reporting.url", String.class)).contains("PASSWORD=***")
                .startsWith("jdbc:h2:mem:");
        assertThat(json.read("$.engines.main.compiledCache.enabled", Boolean.class)).isTrue();
        assertThat(json.read("$.engines.main.compiledCache.capacity", Integer.class)).isEqualTo(20);
        assertThat(json.read("$.engines.main.compiledCache.size", Integer.class)).isEqualTo(
                main.compiledCache().size()).isPositive();
        assertThat(json.read("$.engines.main.compiledCache.hits", Long.class)).isEqualTo(hits + 1);
        assertThat(json.read("$.engines.main.compiledCache.misses", Long.class)).isEqualTo(misses + 1);
        assertThat(json.read("$.engines.main.schemaTranslateMap", Object.class)).isNull();
        assertThat(json.read("$.engines.reporting.compiledCache.capacity", Integer.class)).isEqualTo(500);
        assertThat(json.<java.util.Map<String, Object>>read("$.engines.reporting.schemaTranslateMap"))
                .containsEntry("", "tenant7").containsEntry("audit", null).hasSize(2);

        assertThat(get("/actuator/retort/reporting").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/retort/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void healthShowsOneEntryPerEngine() throws Exception {
        HttpResponse<String> response = get("/actuator/health/retort");

        assertThat(response.statusCode()).isEqualTo(200);
        DocumentContext json = JsonPath.parse(response.body());
        assertThat(json.read("$.status", String.class)).isEqualTo("UP");
        assertThat(json.read("$.components.main.status", String.class)).isEqualTo("UP");
        assertThat(json.read("$.components.main.details.dialect", String.class)).isEqualTo("h2");
        assertThat(json.read("$.components.main.details.pool.max", Integer.class)).isEqualTo(3);
        assertThat(json.read("$.components.reporting.status", String.class)).isEqualTo("UP");
        assertThat(response.body()).doesNotContain("s3cret").doesNotContain("jdbc:");
    }

    @Test
    void meterIsPublishedThroughTheMetricsEndpoint() throws Exception {
        main.withConnection(c -> c.execute(Sql.text("SELECT 1")).all());

        // a full Boot application has the meter observation handler: the observation is the statement timer
        HttpResponse<String> response = get("/actuator/metrics/retort.statement?tag=engine:main"
                + "&tag=db.operation:select&tag=error:none");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.parse(response.body()).read("$.measurements[?(@.statistic=='COUNT')].value", List.class))
                .singleElement().satisfies(count -> assertThat(((Number) count).doubleValue()).isGreaterThanOrEqualTo(1));
        assertThat(get("/actuator/metrics/hikaricp.connections.max?tag=pool:retort-main").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics/retort.statements").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean(destroyMethod = "close")
        Engine main() {
            return Engine.builder("h2:mem:web_" + UUID.randomUUID()).loggingName("main").poolSize(2).maxOverflow(1)
                    .queryCacheSize(20).executionOptions(ExecutionOptions.empty().withLoggingToken("web")).build();
        }

        @Bean(destroyMethod = "close")
        Engine reporting() {
            return Engine.builder("jdbc:h2:mem:web_rep_" + UUID.randomUUID() + ";USER=sa;PASSWORD=s3cret")
                    .executionOptions(ExecutionOptions.empty().withSchemaTranslateMap(
                            SchemaTranslateMap.of(SchemaTranslateMap.DEFAULT, "tenant7", "audit", null)))
                    .build();
        }
    }
}
