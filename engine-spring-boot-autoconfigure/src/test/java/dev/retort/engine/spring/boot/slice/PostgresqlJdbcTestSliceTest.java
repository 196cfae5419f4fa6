package dev.retort.engine.spring.boot.slice;

import dev.retort.engine.spring.testing.PostgresqlSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link JdbcTestSliceTest} on PostgreSQL (the application's database, not replaced by an embedded one). */
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class PostgresqlJdbcTestSliceTest extends JdbcTestSliceTest {

    @RegisterExtension
    static final PostgresqlSchema SCHEMA = new PostgresqlSchema();

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        SCHEMA.registerDataSource(registry);
    }
}
