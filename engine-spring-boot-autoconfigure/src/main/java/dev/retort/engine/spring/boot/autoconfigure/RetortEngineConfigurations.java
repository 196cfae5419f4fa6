package dev.retort.engine.spring.boot.autoconfigure;

import dev.retort.engine.Engine;
import dev.retort.engine.spring.transaction.EngineTransactionManager;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.AllNestedConditions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.transaction.TransactionManager;

/**
 * The configurations the Retort auto-configurations import, in the order their conditions must be evaluated: the
 * engine first, then its transaction manager.
 */
final class RetortEngineConfigurations {

    private RetortEngineConfigurations() {
    }

    /**
     * The application's engine from {@code retort.engine.url}, owning its pool, which is also the application's
     * {@code DataSource} (unless {@code retort.engine.separate-pool=true}). Imported before Boot's {@code DataSource}
     * auto-configuration, so that backs off (an embedded database on the class path included).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "retort.engine", name = "url")
    @Conditional(NoNamedEngines.class)
    @ConditionalOnMissingBean(Engine.class)
    static class OwnedSingleEngine {

        /** Alias of the {@code DataSource} bean this configuration registers: present only when it did. */
        static final String DATA_SOURCE_ALIAS = "retortDataSource";

        @Bean
        OwnedEngine retortOwnedEngine(RetortEngineProperties properties, ListableBeanFactory beans,
                Environment environment) {
            boolean shared = !properties.separatePool();
            if (shared) {
                PoolSharing.check("retort.engine", environment, beans.containsBean(DATA_SOURCE_ALIAS) ? List.of()
                        : List.of(beans.getBeanNamesForType(DataSource.class, true, false)));
            }
            return new EngineFactory(beans, environment).owned("retort.engine", properties, shared);
        }

        @Bean(destroyMethod = "")
        Engine retortEngine(OwnedEngine retortOwnedEngine) {
            return retortOwnedEngine.engine();
        }

        @Bean({ "dataSource", DATA_SOURCE_ALIAS })
        @ConditionalOnMissingBean(DataSource.class)
        @ConditionalOnBooleanProperty(name = "retort.engine.separate-pool", havingValue = false, matchIfMissing = true)
        DataSource dataSource(OwnedEngine retortOwnedEngine) {
            return retortOwnedEngine.dataSource();
        }
    }

    /** The application's engine over its single {@code DataSource}, unless the user defined one or named engines. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(Engine.class)
    @Conditional(SingleEngineCondition.class)
    static class SingleEngine {

        @Bean
        Engine retortEngine(RetortEngineProperties properties, ObjectProvider<DataSource> dataSource,
                ListableBeanFactory beans, Environment environment) {
            return new EngineFactory(beans, environment).overDataSource("retort.engine", properties,
                    dataSource.getIfUnique());
        }
    }

    /** The engine's transaction manager as the application's one, when no transaction manager is defined. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(Engine.class)
    @ConditionalOnMissingBean(TransactionManager.class)
    @Conditional(NoNamedEngines.class)
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
    @Conditional(NoNamedEngines.class)
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

    /** There is a single DataSource, and no {@code retort.engines.*}. */
    static final class SingleEngineCondition extends AllNestedConditions {

        SingleEngineCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnSingleCandidate(DataSource.class)
        static class HasDataSource {
        }

        @Conditional(NoNamedEngines.class)
        static class NotNamed {
        }
    }

    /** No {@code retort.engines.<name>} is configured. */
    static final class NoNamedEngines extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, RetortEngineProperties> named = NamedEnginesSupport.bind(context.getEnvironment());
            return named.isEmpty() ? ConditionOutcome.match("no retort.engines configured")
                    : ConditionOutcome.noMatch("retort.engines configures " + named.keySet());
        }
    }
}
