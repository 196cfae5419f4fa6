package dev.retort.engine.spring.boot.jpa;

import dev.retort.engine.spring.testing.PostgresqlSchema;
import dev.retort.engine.spring.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link JpaTransactionTest} on PostgreSQL, in a schema of its own, the engine owning the pool; skipped with a message
 * when the server is not reachable, failed when {@code CI=true}.
 */
class JpaTransactionPostgresqlTest extends JpaTransactionTest {

    @RegisterExtension
    static final PostgresqlSchema SCHEMA = new PostgresqlSchema();

    @DynamicPropertySource
    static void engine(DynamicPropertyRegistry registry) {
        SCHEMA.registerEngine(registry);
    }

    @Override
    TestDatabase.Db db() {
        return SCHEMA.db();
    }
}
