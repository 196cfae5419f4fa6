package dev.retort.engine.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Engine;
import dev.retort.engine.Sql;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class RetortObservabilityAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RetortMetricsAutoConfiguration.class,
                    RetortObservationAutoConfiguration.class, RetortHealthAutoConfiguration.class,
                    RetortEndpointAutoConfiguration.class))
            .withBean("main", Engine.class, () -> Engine.create("h2:mem:ac_" + UUID.randomUUID()),
                    bd -> bd.setDestroyMethodName("close"));

    private final ApplicationContextRunner withRegistries = runner
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(ObservationRegistry.class, TestObservationRegistry::create);

    @Test
    void engineBeansGetMetricsAndObservationsNamedAfterTheBean() {
        withRegistries.run(context -> {
            Engine engine = context.getBean("main", Engine.class);
            assertThat(engine.getListeners()).hasExactlyElementsOfTypes(EngineMetrics.class,
                    EngineObservations.class);

            engine.withConnection(c -> c.execute(Sql.text("SELECT 1")).all());

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get(EngineMetrics.STATEMENTS)
                    .tags("engine", "main", "operation", "select", "outcome", "success").timer().count())
                    .isEqualTo(1);
            TestObservationRegistryAssert.assertThat((TestObservationRegistry) context.getBean(ObservationRegistry.class))
                    .hasObservationWithNameEqualTo("retort.statement").that()
                    .hasLowCardinalityKeyValue("retort.engine", "main");
        });
    }

    @Test
    void switchedOffByPropertiesNoListenerIsAttached() {
        withRegistries.withPropertyValues("retort.engine.metrics.enabled=false",
                "retort.engine.observations.enabled=false").run(context -> {
                    assertThat(context).doesNotHaveBean(RetortMetricsAutoConfiguration.BINDER_BEAN)
                            .doesNotHaveBean(RetortObservationAutoConfiguration.BINDER_BEAN);
                    assertThat(context.getBean("main", Engine.class).getListeners()).isEmpty();
                    assertThat(context.getBean(MeterRegistry.class).find(EngineMetrics.STATEMENTS).timers())
                            .isEmpty();
                });
    }

    @Test
    void metricsOffObservationsOn() {
        withRegistries.withPropertyValues("retort.engine.metrics.enabled=false").run(context -> assertThat(
                context.getBean("main", Engine.class).getListeners()).hasExactlyElementsOfTypes(
                        EngineObservations.class));
    }

    @Test
    void withoutRegistryBeansNothingIsBound() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(RetortMetricsAutoConfiguration.BINDER_BEAN)
                    .doesNotHaveBean(RetortObservationAutoConfiguration.BINDER_BEAN);
            assertThat(context.getBean("main", Engine.class).getListeners()).isEmpty();
        });
    }

    @Test
    void withoutMicrometerOnTheClasspathNothingIsBound() {
        withRegistries.withClassLoader(new FilteredClassLoader(MeterRegistry.class, ObservationRegistry.class))
                .run(context -> assertThat(context).doesNotHaveBean(RetortMetricsAutoConfiguration.BINDER_BEAN)
                        .doesNotHaveBean(RetortObservationAutoConfiguration.BINDER_BEAN));
    }

    @Test
    void anEngineRegisteredAsASingletonIsBoundToo() {
        Engine late = Engine.create("h2:mem:late_" + UUID.randomUUID());
        try {
            withRegistries.withInitializer(c -> c.getBeanFactory().registerSingleton("late", late)).run(context -> {
                assertThat(late.getListeners()).hasExactlyElementsOfTypes(EngineMetrics.class,
                        EngineObservations.class);
                assertThat(context.getBean(MeterRegistry.class).find(EngineMetrics.ACTIVE).tag("engine", "late")
                        .gauge()).isNotNull();
            });
        } finally {
            late.close();
        }
    }

    @Test
    void aConventionBeanReplacesTheDefault() {
        withRegistries.withBean(StatementObservationConvention.class, () -> new DefaultStatementObservationConvention() {
            @Override
            public String getName() {
                return "db.query";
            }
        }).run(context -> {
            context.getBean("main", Engine.class).withConnection(c -> c.execute(Sql.text("SELECT 1")).all());
            TestObservationRegistryAssert.assertThat((TestObservationRegistry) context.getBean(ObservationRegistry.class))
                    .hasObservationWithNameEqualTo("db.query");
        });
    }

    @Test
    void healthContributorHasOneEntryPerEngine() {
        runner.withBean("reporting", Engine.class, () -> Engine.create("h2:mem:rep_" + UUID.randomUUID()),
                bd -> bd.setDestroyMethodName("close"))
                .withPropertyValues("retort.engine.health.timeout=750ms").run(context -> {
                    assertThat(context).hasBean("retortHealthIndicator");
                    assertThat(context.getBean(RetortHealthProperties.class).timeout())
                            .isEqualTo(Duration.ofMillis(750));
                    CompositeHealthContributor retort = context.getBean("retortHealthIndicator",
                            CompositeHealthContributor.class);
                    assertThat(retort.stream().map(c -> c.name())).containsExactly("main", "reporting");
                    HealthContributor main = retort.getContributor("main");
                    assertThat(main).isInstanceOf(EngineHealthIndicator.class);
                    assertThat(((HealthIndicator) main).health().getStatus()).isEqualTo(Status.UP);
                });
    }

    @Test
    void healthContributorSwitchesOffAndBacksOff() {
        runner.withPropertyValues("management.health.retort.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("retortHealthIndicator"));
        runner.withUserConfiguration(CustomHealth.class).run(context -> assertThat(
                context.getBean("retortHealthIndicator")).isSameAs(CustomHealth.INDICATOR));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RetortHealthAutoConfiguration.class))
                .run(context -> assertThat(context.getBean("retortHealthIndicator", CompositeHealthContributor.class)
                        .stream()).isEmpty());
    }

    @Test
    void bootsHikariBinderAndOursBindTheEnginePoolOnce() {
        withRegistries.withConfiguration(AutoConfigurations.of(
                org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration.class))
                .withBean("mainDataSource", javax.sql.DataSource.class,
                        () -> null, bd -> {
                            bd.setFactoryBeanName("main");
                            bd.setFactoryMethodName("dataSource");
                        })
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean("main", Engine.class).withConnection(c -> c.execute(Sql.text("SELECT 1")).all());
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.find("hikaricp.connections.max").gauges()).hasSize(1);
                    assertThat(meters.get("hikaricp.connections.max").tag("pool", "retort-h2").gauge().value())
                            .isEqualTo(15.0);
                });
    }

    @Test
    void enginesFromLaterAutoConfigurationsAreCoveredToo() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LateEngineAutoConfiguration.class,
                        RetortMetricsAutoConfiguration.class, RetortHealthAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
                    assertThat(context.getBean("retortHealthIndicator", CompositeHealthContributor.class).stream()
                            .map(c -> c.name())).containsExactly("late");
                    assertThat(context.getBean("late", Engine.class).getListeners())
                            .hasExactlyElementsOfTypes(EngineMetrics.class);
                });
    }

    @org.springframework.boot.autoconfigure.AutoConfiguration(after = { RetortMetricsAutoConfiguration.class,
            RetortHealthAutoConfiguration.class })
    static class LateEngineAutoConfiguration {

        @Bean(destroyMethod = "close")
        Engine late() {
            return Engine.create("h2:mem:late_ac_" + UUID.randomUUID());
        }
    }

    @Test
    void endpointOnlyWhenExposed() {
        runner.run(context -> assertThat(context).doesNotHaveBean(RetortEndpoint.class));
        runner.withPropertyValues("management.endpoints.web.exposure.include=retort").run(context -> {
            assertThat(context).hasSingleBean(RetortEndpoint.class);
            assertThat(context.getBean(RetortEndpoint.class).engines().engines()).containsOnlyKeys("main");
        });
        runner.withPropertyValues("management.endpoints.web.exposure.include=retort",
                "management.endpoint.retort.access=NONE")
                .run(context -> assertThat(context).doesNotHaveBean(RetortEndpoint.class));
    }

    @Test
    void userBeansWin() {
        withRegistries.withPropertyValues("management.endpoints.web.exposure.include=retort")
                .withUserConfiguration(CustomBeans.class).run(context -> {
                    assertThat(context.getBean(RetortEndpoint.class)).isSameAs(CustomBeans.ENDPOINT);
                    assertThat(context.getBean(RetortMetricsAutoConfiguration.BINDER_BEAN))
                            .isSameAs(CustomBeans.NO_METRICS);
                    assertThat(context.getBean("main", Engine.class).getListeners()).extracting(Object::getClass)
                            .containsExactly((Class) EngineObservations.class);
                });
    }


    @Configuration(proxyBeanMethods = false)
    static class CustomHealth {
        static final HealthIndicator INDICATOR = () -> org.springframework.boot.health.contributor.Health.up().build();

        @Bean
        HealthIndicator retortHealthIndicator() {
            return INDICATOR;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomBeans {
        static final RetortEndpoint ENDPOINT = new RetortEndpoint(java.util.Map::of);
        static final EngineBinderPostProcessor NO_METRICS = new EngineBinderPostProcessor(() -> (engine, name) -> { });

        @Bean
        RetortEndpoint customRetortEndpoint() {
            return ENDPOINT;
        }

        @Bean(name = RetortMetricsAutoConfiguration.BINDER_BEAN)
        static EngineBinderPostProcessor noMetrics() {
            return NO_METRICS;
        }
    }
}
