package dev.retort.engine.spring.boot.autoconfigure;

import dev.retort.engine.Engine;
import dev.retort.engine.spring.transaction.EngineTransactionManager;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.AllNestedConditions;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.transaction.TransactionManager;

/**
 * The configurations {@link RetortEngineAutoConfiguration} imports, in the order their conditions must be evaluated:
 * the engine first, then its transaction manager.
 */
final class RetortEngineConfigurations {

    private RetortEngineConfigurations() {
    }

    /** The application's engine, unless the user defined one or configured named engines. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(Engine.class)
    @Conditional(SingleEngineCondition.class)
    static class SingleEngine {

        @Bean
        Engine retortEngine(RetortEngineProperties properties, ObjectProvider<DataSource> dataSource,
                ListableBeanFactory beans) {
            return new EngineFactory(beans).create("retort.engine", properties,
                    properties.url() == null ? dataSource.getIfUnique() : null);
        }
    }

    /** The engine's transaction manager as the application's one, when no transaction manager is defined. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(Engine.class)
    @ConditionalOnMissingBean(TransactionManager.class)
    static class ApplicationTransactionManager {

        @Bean
        EngineTransactionManager transactionManager(Engine engine,
                ObjectProvider<TransactionManagerCustomizers> customizers) {
            return customized(new EngineTransactionManager(engine), customizers);
        }
    }

    /**
     * When another transaction manager exists (the user's, JPA's), the engine's is still registered, as a
     * non-default candidate: inject it or name it with {@code @Qualifier("retortTransactionManager")} /
     * {@code @Transactional("retortTransactionManager")}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(Engine.class)
    @ConditionalOnBean(TransactionManager.class)
    @ConditionalOnMissingBean(EngineTransactionManager.class)
    static class QualifiedTransactionManager {

        @Bean(defaultCandidate = false)
        @Qualifier("retort")
        EngineTransactionManager retortTransactionManager(Engine engine,
                ObjectProvider<TransactionManagerCustomizers> customizers) {
            return customized(new EngineTransactionManager(engine), customizers);
        }
    }

    static EngineTransactionManager customized(EngineTransactionManager manager,
            ObjectProvider<TransactionManagerCustomizers> customizers) {
        customizers.ifAvailable(c -> c.customize(manager));
        return manager;
    }

    /** {@code retort.engine.url} is set or there is a single DataSource, and no {@code retort.engines.*}. */
    static final class SingleEngineCondition extends AllNestedConditions {

        SingleEngineCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @Conditional(UrlOrDataSource.class)
        static class HasSource {
        }

        @Conditional(NoNamedEngines.class)
        static class NotNamed {
        }
    }

    /** Either an engine URL or a DataSource to build on. */
    static final class UrlOrDataSource extends AnyNestedCondition {

        UrlOrDataSource() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "retort.engine", name = "url")
        static class HasUrl {
        }

        @ConditionalOnSingleCandidate(DataSource.class)
        static class HasDataSource {
        }
    }

    /** No {@code retort.engines.<name>} is configured. */
    static final class NoNamedEngines extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, RetortEngineProperties> named = Binder.get(context.getEnvironment())
                    .bind("retort.engines", Bindable.mapOf(String.class, RetortEngineProperties.class))
                    .orElse(Map.of());
            return named.isEmpty() ? ConditionOutcome.match("no retort.engines configured")
                    : ConditionOutcome.noMatch("retort.engines configures " + named.keySet());
        }
    }
}
