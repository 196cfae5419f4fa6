package dev.retort.engine.spring.boot.sample;

import dev.retort.engine.spring.testing.PostgresqlSchema;
import dev.retort.engine.spring.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link TransactionalServiceTest} on PostgreSQL, in a schema of its own; skipped with a message when the server is
 * not reachable, failed when {@code CI=true}.
 */
class TransactionalServicePostgresqlTest extends TransactionalServiceTest {

    @RegisterExtension
    static final PostgresqlSchema SCHEMA = new PostgresqlSchema();

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        SCHEMA.registerDataSource(registry);
    }

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
