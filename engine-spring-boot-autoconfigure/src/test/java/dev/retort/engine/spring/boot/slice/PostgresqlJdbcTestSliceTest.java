package dev.retort.engine.spring.boot.slice;

import dev.retort.engine.spring.testing.PostgresqlSchema;
import dev.retort.engine.spring.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link JdbcTestSliceTest} on PostgreSQL (the application's database, not replaced by an embedded one). */
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class PostgresqlJdbcTestSliceTest extends JdbcTestSliceTest {

    private static final PostgresqlSchema SCHEMA = new PostgresqlSchema();

    @BeforeAll
    static void requirePostgresql() {
        TestDatabase.POSTGRESQL.requireAvailable();
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        SCHEMA.registerDataSource(registry);
    }

    @AfterAll
    static void dropSchema() {
        SCHEMA.drop();
    }
}
