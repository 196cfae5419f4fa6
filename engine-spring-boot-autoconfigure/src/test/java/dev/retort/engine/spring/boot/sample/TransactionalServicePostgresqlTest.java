package dev.retort.engine.spring.boot.sample;

import dev.retort.engine.spring.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link TransactionalServiceTest} on PostgreSQL, in a schema of its own; skipped with a message when the server is
 * not reachable, failed when {@code CI=true}.
 */
class TransactionalServicePostgresqlTest extends TransactionalServiceTest {

    private static TestDatabase.Db db;

    @BeforeAll
    static void requirePostgresql() {
        TestDatabase.POSTGRESQL.requireAvailable();
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> db().jdbcUrl());
        registry.add("spring.datasource.username", () -> db().username());
        registry.add("spring.datasource.password", () -> db().password() == null ? "" : db().password());
    }

    private static synchronized TestDatabase.Db db() {
        if (db == null) {
            db = TestDatabase.POSTGRESQL.create();
        }
        return db;
    }

    @AfterAll
    static void dropSchema() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
