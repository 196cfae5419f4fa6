package dev.retort.engine.spring.boot.web;

import dev.retort.engine.Sql;
import dev.retort.engine.spring.testing.PostgresqlSchema;
import dev.retort.engine.spring.testing.TestDatabase;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link EngineFailureWebTest} on PostgreSQL: the request's backend is killed with {@code pg_terminate_backend}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrokenConnectionPostgresqlWebTest extends EngineFailureWebTest {

    @RegisterExtension
    static final PostgresqlSchema SCHEMA = new PostgresqlSchema();

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        SCHEMA.registerDataSource(registry);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ItemController.class)
    static class App {

        /** Terminates the request's backend from another session, and waits until it is gone. */
        @Bean
        ConnectionBreaker breaker() {
            return connection -> {
                Object pid = connection.scalar(Sql.text("SELECT pg_backend_pid()"));
                TestDatabase.Db db = SCHEMA.db();
                try (java.sql.Connection admin = DriverManager.getConnection(db.jdbcUrl(), db.username(),
                        db.password()); PreparedStatement kill = admin.prepareStatement(
                                "SELECT pg_terminate_backend(?, 5000)")) {
                    kill.setInt(1, ((Number) pid).intValue());
                    kill.execute();
                }
            };
        }
    }
}
