package dev.retort.engine.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Sql;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller's engine write fails because the database connection broke under it: the client gets a server
 * error, never an empty success, and nothing was written. Subclasses say how the connection breaks.
 */
abstract class EngineFailureWebTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void createTable() {
        jdbc.execute("DROP TABLE IF EXISTS items");
        jdbc.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20), payload TEXT)");
    }

    @Test
    void aWriteThatFailsBecauseTheDatabaseConnectionBrokeIsAServerErrorAndWritesNothing() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/items")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM items", Integer.class)).isZero();
    }

    /** Breaks the database connection of the request's transaction. */
    interface ConnectionBreaker {
        void breakConnection(Connection connection) throws Exception;
    }

    /** Writes two rows in one transaction; the second carries a large payload. */
    @RestController
    static class ItemController {
        private final Engine engine;
        private final TransactionTemplate tx;
        private final ConnectionBreaker breaker;

        ItemController(Engine engine, TransactionTemplate tx, ConnectionBreaker breaker) {
            this.engine = engine;
            this.tx = tx;
            this.breaker = breaker;
        }

        @PostMapping("/items")
        String write() {
            tx.executeWithoutResult(status -> {
                try (Connection c = engine.connect()) {
                    c.execute(Sql.text("INSERT INTO items (id, name) VALUES (1, 'first')"));
                    breaker.breakConnection(c);
                    c.execute(Sql.text("INSERT INTO items (id, name, payload) VALUES (2, 'second', :payload)"),
                            Map.of("payload", "x".repeat(8 * 1024 * 1024)));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            return "written";
        }
    }
}
