package dev.retort.engine.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Engine;
import dev.retort.engine.spring.boot.autoconfigure.RetortDataSourceAutoConfiguration;
import dev.retort.engine.spring.boot.autoconfigure.RetortEngineAutoConfiguration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Boot's {@code db} health contributor is replaced: engine-covered DataSources share the engine's ping. */
class DbHealthContributorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(RetortDataSourceAutoConfiguration.class, RetortEngineAutoConfiguration.class,
                    DataSourceAutoConfiguration.class, RetortHealthAutoConfiguration.class,
                    RetortDataSourceHealthAutoConfiguration.class, DataSourceHealthContributorAutoConfiguration.class));

    private static String h2() {
        return "jdbc:h2:mem:dbhealth_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void theDataSourceOfTheEngineIsCheckedByTheEnginesOwnIndicator() {
        runner.withPropertyValues("retort.engine.url=" + h2()).run(context -> {
            HealthContributor db = context.getBean("dbHealthContributor", HealthContributor.class);
            CompositeHealthContributor retort = context.getBean("retortHealthIndicator",
                    CompositeHealthContributor.class);
            assertThat(db).isInstanceOf(EngineHealthIndicator.class).isSameAs(retort.getContributor("retortEngine"));
            assertThat(((EngineHealthIndicator) db).engine()).isSameAs(context.getBean(Engine.class));
            assertThat(((EngineHealthIndicator) db).health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void aDataSourceNoEngineCoversIsBootsIndicatorBoundedByTheTimeout() {
        runner.withPropertyValues("spring.datasource.url=" + h2(), "retort.engine.url=" + h2(),
                "retort.engine.separate-pool=true").run(context -> {
                    HealthContributor db = context.getBean("dbHealthContributor", HealthContributor.class);
                    assertThat(db).isInstanceOf(BoundedHealthIndicator.class);
                    assertThat(((BoundedHealthIndicator) db).health().getStatus()).isEqualTo(Status.UP);
                });
    }

    @Test
    void namedEnginesGiveOneEntryPerDataSource() {
        runner.withPropertyValues("retort.engines.a.url=" + h2(), "retort.engines.a.primary=true",
                "retort.engines.b.url=" + h2()).run(context -> {
                    CompositeHealthContributor db = context.getBean("dbHealthContributor",
                            CompositeHealthContributor.class);
                    assertThat(db.getContributor("aDataSource")).isInstanceOf(EngineHealthIndicator.class);
                    assertThat(db.getContributor("bDataSource")).isInstanceOf(EngineHealthIndicator.class);
                });
    }
}
