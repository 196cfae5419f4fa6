package dev.retort.engine.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.IsolationLevel;
import dev.retort.engine.Sql;
import dev.retort.engine.event.ConnectionListener;
import dev.retort.engine.event.ConnectionRecord;
import dev.retort.engine.event.PoolListener;
import dev.retort.engine.pool.PoolClass;
import dev.retort.engine.spring.dao.EngineExceptionTranslator;
import dev.retort.engine.spring.transaction.EngineTransactionManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every condition, property and override of {@link RetortEngineAutoConfiguration}. */
class RetortEngineAutoConfigurationTest {

    private static final AtomicInteger DB = new AtomicInteger();

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(RetortDataSourceAutoConfiguration.class, RetortEngineAutoConfiguration.class,
                    DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                    TransactionManagerCustomizationAutoConfiguration.class, TransactionAutoConfiguration.class,
                    PersistenceExceptionTranslationAutoConfiguration.class));

    private static String h2() {
        return "jdbc:h2:mem:autoconfig_" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void engineIsBuiltOverTheApplicationDataSourceAndItsManagerIsTheApplicationsTransactionManager() {
        runner.withPropertyValues("spring.datasource.url=" + h2()).run(context -> {
            assertThat(context).hasSingleBean(Engine.class).hasSingleBean(PlatformTransactionManager.class);
            Engine engine = context.getBean(Engine.class);
            assertThat(engine.dataSource()).isSameAs(context.getBean(DataSource.class));
            assertThat(engine.name()).isEqualTo("h2");
            assertThat(context.getBean(PlatformTransactionManager.class)).isInstanceOf(EngineTransactionManager.class);
            assertThat(context).doesNotHaveBean(DataSourceTransactionManager.class);
            TransactionTemplate template = context.getBean(TransactionTemplate.class);
            assertThat(template.getTransactionManager()).isSameAs(context.getBean(EngineTransactionManager.class));
            assertThat(context).hasSingleBean(EngineExceptionTranslator.class);
            int scalar = template.execute(status -> {
                try (Connection c = engine.connect()) {
                    assertThat(c.isBranch()).isTrue();
                    return ((Number) c.scalar(Sql.text("SELECT 41 + 1"))).intValue();
                }
            });
            assertThat(scalar).isEqualTo(42);
            assertThat(engine.pool().checkedOut()).isZero();
        });
    }

    @Test
    void noEngineWithoutUrlOrDataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RetortEngineAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Engine.class)
                        .doesNotHaveBean(EngineTransactionManager.class));
    }

    @Test
    void engineFromUrlHonoursEveryProperty() {
        runner.withPropertyValues("retort.engine.url=" + h2(), "retort.engine.echo=true",
                "retort.engine.hide-parameters=true", "retort.engine.logging-name=orders",
                "retort.engine.isolation-level=serializable", "retort.engine.query-cache-size=7",
                "retort.engine.execution-options.logging_token=tok", "retort.engine.execution-options.timeout=5s",
                "retort.engine.execution-options.max-row-buffer=50", "retort.engine.pool.size=2",
                "retort.engine.pool.max-overflow=1", "retort.engine.pool.timeout=2s",
                "retort.engine.pool.recycle=30m", "retort.engine.pool.pre-ping=true", "retort.engine.pool.class=queue")
                .run(context -> {
                    Engine engine = context.getBean(Engine.class);
                    assertThat(engine.echo()).isTrue();
                    assertThat(engine.hideParameters()).isTrue();
                    assertThat(engine.loggingName()).isEqualTo("orders");
                    assertThat(engine.pool().size()).isEqualTo(2);
                    assertThat(engine.pool().maxSize()).isEqualTo(3);
                    assertThat(engine.pool().poolClass()).isEqualTo(PoolClass.QUEUE);
                    assertThat(engine.getExecutionOptions().loggingToken()).isEqualTo("tok");
                    assertThat(engine.getExecutionOptions().timeoutSeconds()).isEqualTo(5);
                    assertThat(engine.getExecutionOptions().get("max_row_buffer")).isEqualTo("50");
                    try (Connection c = engine.connect()) {
                        assertThat(c.getIsolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
                    }
                    // the URL engine's pool is the application's only DataSource (Boot's embedded one backs off)
                    assertThat(context).hasSingleBean(DataSource.class);
                    assertThat(engine.dataSource()).isSameAs(context.getBean(DataSource.class));
                });
    }

    @Test
    void poolClassAndCredentialsFromProperties() {
        runner.withPropertyValues("retort.engine.url=" + h2(), "retort.engine.username=sa",
                "retort.engine.password=", "retort.engine.pool.class=static").run(context -> {
                    Engine engine = context.getBean(Engine.class);
                    assertThat(engine.pool().poolClass()).isEqualTo(PoolClass.STATIC);
                    assertThat(engine.scalar(Sql.text("SELECT CURRENT_USER"))).isEqualTo("SA");
                });
    }

    @Test
    void userEngineAndTransactionManagerReplaceOurs() {
        runner.withPropertyValues("spring.datasource.url=" + h2()).withUserConfiguration(UserBeans.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(Engine.class);
                    assertThat(context.getBean(Engine.class)).isSameAs(context.getBean("myEngine"));
                    assertThat(context.getBean(PlatformTransactionManager.class))
                            .isSameAs(context.getBean("myTransactionManager"));
                    assertThat(context.getBeansOfType(EngineTransactionManager.class)).containsOnlyKeys(
                            "myTransactionManager");
                });
    }

    @Test
    void anotherTransactionManagerKeepsItsPlaceAndOursIsQualified() {
        runner.withPropertyValues("spring.datasource.url=" + h2()).withUserConfiguration(OtherManager.class)
                .run(context -> {
                    assertThat(context.getBean(PlatformTransactionManager.class))
                            .isInstanceOf(DataSourceTransactionManager.class);
                    EngineTransactionManager ours = context.getBean("retortTransactionManager",
                            EngineTransactionManager.class);
                    assertThat(ours.getEngine()).isSameAs(context.getBean(Engine.class));
                    assertThat(context.getBean(TransactionTemplate.class).getTransactionManager())
                            .isInstanceOf(DataSourceTransactionManager.class);
                });
    }

    @Test
    void listenersPoolListenersAndCustomizersAreAppliedInOrder() {
        runner.withPropertyValues("spring.datasource.url=" + h2()).withUserConfiguration(Extensions.class)
                .run(context -> {
                    Engine engine = context.getBean(Engine.class);
                    Extensions ext = context.getBean(Extensions.class);
                    assertThat(engine.getListeners()).containsExactly(context.getBean("first",
                            ConnectionListener.class), context.getBean("second", ConnectionListener.class));
                    assertThat(ext.customized).containsExactly("early", "late");
                    assertThat(engine.getExecutionOptions().loggingToken()).isEqualTo("late");
                    engine.scalar(Sql.text("SELECT 1"));
                    assertThat(ext.events).containsExactly("pool:checkout", "first:connect", "second:connect");
                });
    }

    @Test
    void transactionManagerCustomizersApply() {
        runner.withPropertyValues("spring.datasource.url=" + h2(), "spring.transaction.default-timeout=7s",
                "spring.transaction.rollback-on-commit-failure=true").run(context -> {
                    EngineTransactionManager manager = context.getBean(EngineTransactionManager.class);
                    assertThat(manager.getDefaultTimeout()).isEqualTo(7);
                    assertThat(manager.isRollbackOnCommitFailure()).isTrue();
                });
    }

    @Test
    void exceptionTranslationCanBeSwitchedOff() {
        runner.withPropertyValues("spring.datasource.url=" + h2(), "retort.engine.exception-translation.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(EngineExceptionTranslator.class));
    }

    @Test
    void engineIsClosedWithTheContext() {
        Engine[] engine = new Engine[1];
        runner.withPropertyValues("retort.engine.url=" + h2()).run(context -> {
            engine[0] = context.getBean(Engine.class);
            assertThat(engine[0].isClosed()).isFalse();
        });
        assertThat(engine[0].isClosed()).isTrue();
    }

    @Test
    void namedEnginesEachGetAQualifiedTransactionManagerAndOneIsPrimary() {
        runner.withPropertyValues("retort.engines.orders.url=" + h2(), "retort.engines.orders.primary=true",
                "retort.engines.reports.url=" + h2(), "retort.engines.reports.logging-name=rep",
                "retort.engines.reports.pool.size=1")
                .withUserConfiguration(NamedConsumer.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(Engine.class)).containsOnlyKeys("ordersEngine",
                            "reportsEngine");
                    assertThat(context.getBeansOfType(EngineTransactionManager.class))
                            .containsOnlyKeys("ordersTransactionManager", "reportsTransactionManager");
                    NamedConsumer consumer = context.getBean(NamedConsumer.class);
                    assertThat(consumer.reports).isSameAs(context.getBean("reportsEngine"));
                    assertThat(consumer.reports.loggingName()).isEqualTo("rep");
                    assertThat(consumer.reports.pool().size()).isEqualTo(1);
                    assertThat(consumer.primary).isSameAs(context.getBean("ordersEngine"));
                    assertThat(context.getBean(PlatformTransactionManager.class))
                            .isSameAs(context.getBean("ordersTransactionManager"));
                    assertThat(consumer.reportsManager.getEngine()).isSameAs(consumer.reports);
                    assertThat(context.getBean(TransactionTemplate.class).getTransactionManager())
                            .isSameAs(context.getBean("ordersTransactionManager"));
                });
    }

    @Test
    void namedEnginesWithoutUrlUseTheApplicationDataSource() {
        runner.withPropertyValues("spring.datasource.url=" + h2(), "retort.engines.main.primary=true",
                "retort.engines.main.logging-name=main").run(context -> {
                    assertThat(context.getBeansOfType(Engine.class)).containsOnlyKeys("mainEngine");
                    assertThat(context.getBean(Engine.class).dataSource()).isSameAs(context.getBean(DataSource.class));
                });
    }

    @Test
    void dialectOfANonHikariDataSourceComesFromJdbcConnectionDetails() {
        runner.withUserConfiguration(PlainDataSource.class).run(context -> {
            Engine engine = context.getBean(Engine.class);
            assertThat(engine.name()).isEqualTo("h2");
            assertThat(engine.scalar(Sql.text("SELECT 1"))).isEqualTo(1);
        });
    }

    @Test
    void configurationMetadataDescribesEveryProperty() throws Exception {
        String metadata = new String(getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")
                .readAllBytes());
        assertThat(metadata).contains("\"retort.engine.url\"", "\"retort.engine.pool.max-overflow\"",
                "\"retort.engine.pool.class\"", "\"retort.engine.isolation-level\"", "\"retort.engines\"",
                "\"retort.engine.exception-translation.enabled\"", "\"retort.engine.execution-options\"",
                "\"SERIALIZABLE\"", "Whether to keep statement parameters out of logs",
                "\"retort.engine.fail-fast\"", "\"retort.engine.separate-pool\"",
                "Whether an engine with a url opens one connection at start-up",
                "\"defaultValue\": 500");
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {
        @Bean
        Engine myEngine(DataSource dataSource) {
            return Engine.builder(dataSource).dialect("h2").build();
        }

        @Bean
        EngineTransactionManager myTransactionManager(Engine engine) {
            return new EngineTransactionManager(engine);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OtherManager {
        @Bean
        DataSourceTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Extensions {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<String> customized = new CopyOnWriteArrayList<>();

        @Bean
        @Order(2)
        ConnectionListener second() {
            return new ConnectionListener() {
                @Override
                public void engineConnect(Connection conn) {
                    events.add("second:connect");
                }
            };
        }

        @Bean
        @Order(1)
        ConnectionListener first() {
            return new ConnectionListener() {
                @Override
                public void engineConnect(Connection conn) {
                    events.add("first:connect");
                }
            };
        }

        @Bean
        PoolListener poolListener() {
            return new PoolListener() {
                @Override
                public void checkout(java.sql.Connection dbapi, ConnectionRecord record) {
                    events.add("pool:checkout");
                }
            };
        }

        @Bean
        @Order(20)
        EngineCustomizer late() {
            return builder -> {
                customized.add("late");
                builder.executionOptions(dev.retort.engine.ExecutionOptions.empty().withLoggingToken("late"));
            };
        }

        @Bean
        @Order(10)
        EngineCustomizer early() {
            return builder -> {
                customized.add("early");
                builder.executionOptions(dev.retort.engine.ExecutionOptions.empty().withLoggingToken("early"));
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NamedConsumer {
        final Engine reports;
        final Engine primary;
        final EngineTransactionManager reportsManager;

        NamedConsumer(@Qualifier("reports") Engine reports, Engine primary,
                @Qualifier("reports") EngineTransactionManager reportsManager) {
            this.reports = reports;
            this.primary = primary;
            this.reportsManager = reportsManager;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PlainDataSource {
        private static final String URL = h2();

        @Bean
        DataSource dataSource() {
            return new SimpleDriverDataSource(new org.h2.Driver(), URL, "sa", "");
        }

        @Bean
        JdbcConnectionDetails jdbcConnectionDetails() {
            return EngineDataSourceTest.h2Details(URL);
        }
    }
}
