package dev.retort.engine.spring.boot.autoconfigure;

import dev.retort.engine.Engine;
import dev.retort.engine.spring.dao.EngineExceptionTranslator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configures Retort: an {@link Engine} over the application's {@code DataSource} (engines with a URL come from
 * {@link RetortDataSourceAutoConfiguration}), its {@code EngineTransactionManager} (the
 * application's transaction manager unless one is defined, e.g. by JPA, in which case it is registered as the
 * non-default, qualified bean {@code retortTransactionManager}), the transaction managers of named engines
 * ({@code retort.engines.<name>.*}), and translation of engine exceptions thrown through {@code @Repository} beans into {@code DataAccessException}s
 * ({@code retort.engine.exception-translation.enabled}).
 *
 * <p>Runs after Boot's {@code DataSource} (and JPA) auto-configuration, and before its JDBC transaction-manager and
 * transaction auto-configurations so that they see the engine's transaction manager.
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration"},
        beforeName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnClass(Engine.class)
@EnableConfigurationProperties({RetortEngineProperties.class, RetortEnginesProperties.class})
@Import({RetortEngineConfigurations.SingleEngine.class, RetortEngineConfigurations.ApplicationTransactionManager.class,
        RetortEngineConfigurations.QualifiedTransactionManager.class, NamedTransactionManagersRegistrar.class})
public final class RetortEngineAutoConfiguration {

    /** Translates engine exceptions for {@code @Repository} beans; off with the property set to {@code false}. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "retort.engine.exception-translation.enabled", matchIfMissing = true)
    static EngineExceptionTranslator retortExceptionTranslator() {
        return new EngineExceptionTranslator();
    }
}
