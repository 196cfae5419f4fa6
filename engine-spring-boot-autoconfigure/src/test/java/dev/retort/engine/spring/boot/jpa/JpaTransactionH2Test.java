package dev.retort.engine.spring.boot.jpa;

import dev.retort.engine.spring.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link JpaTransactionTest} on H2, the engine owning the pool. */
class JpaTransactionH2Test extends JpaTransactionTest {

    private static final TestDatabase.Db DB = TestDatabase.H2.create();

    @DynamicPropertySource
    static void engine(DynamicPropertyRegistry registry) {
        registry.add("retort.engine.url", DB::jdbcUrl);
        registry.add("retort.engine.username", DB::username);
        registry.add("retort.engine.password", DB::password);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Override
    TestDatabase.Db db() {
        return DB;
    }
}
