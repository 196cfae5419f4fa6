package dev.retort.engine.spring.boot.jpa;

import dev.retort.engine.spring.testing.TestDatabase;
import org.springframework.test.context.TestPropertySource;

/** {@link JpaTransactionTest} on H2 with the engine over Boot's own pool ({@code spring.datasource.url}). */
@TestPropertySource(properties = "spring.datasource.url=" + JpaTransactionOverSpringDatasourceH2Test.URL)
class JpaTransactionOverSpringDatasourceH2Test extends JpaTransactionTest {

    static final String URL = "jdbc:h2:mem:jpa_over_spring_datasource;DB_CLOSE_DELAY=-1";

    @Override
    TestDatabase.Db db() {
        return new TestDatabase.Db(TestDatabase.H2, URL, "sa", "", null);
    }
}
