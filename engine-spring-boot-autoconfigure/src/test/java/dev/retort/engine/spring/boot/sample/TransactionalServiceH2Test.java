package dev.retort.engine.spring.boot.sample;

import dev.retort.engine.spring.testing.TestDatabase;
import org.springframework.test.context.TestPropertySource;

/** {@link TransactionalServiceTest} on H2 (Boot's spring.datasource.url). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:sample;DB_CLOSE_DELAY=-1")
class TransactionalServiceH2Test extends TransactionalServiceTest {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
