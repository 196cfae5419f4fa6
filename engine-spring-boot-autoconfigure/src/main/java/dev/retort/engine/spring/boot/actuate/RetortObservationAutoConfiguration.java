package dev.retort.engine.spring.boot.actuate;

import dev.retort.engine.Engine;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Attaches {@link EngineObservations} ({@code retort.statement}, {@code retort.transaction}) to every {@link Engine}
 * bean when Micrometer Observation and an {@link ObservationRegistry} are present, unless
 * {@code retort.engine.observations.enabled=false}. A {@link StatementObservationConvention} or
 * {@link TransactionObservationConvention} bean replaces the default convention. With a meter observation handler
 * (Spring Boot's default with a {@code MeterRegistry}) the observations are the {@code retort.statement} and
 * {@code retort.transaction} timers, tagged {@code engine=<name>} like the other {@code retort.*} meters.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ ObservationRegistry.class, Engine.class })
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "retort.engine.observations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetortObservationProperties.class)
public final class RetortObservationAutoConfiguration {

    /** The bean name of the post-processor that binds {@link EngineObservations}. */
    public static final String BINDER_BEAN = "retortEngineObservationBinder";

    /** Binds {@link EngineObservations} to each engine bean (engine name = bean name). */
    @Bean(name = BINDER_BEAN)
    @ConditionalOnMissingBean(name = BINDER_BEAN)
    static EngineBinderPostProcessor retortEngineObservationBinder(ObjectProvider<ObservationRegistry> registry,
            ObjectProvider<StatementObservationConvention> statementConvention,
            ObjectProvider<TransactionObservationConvention> transactionConvention) {
        return new EngineBinderPostProcessor(() -> {
            ObservationRegistry observationRegistry = registry.getObject();
            StatementObservationConvention statements = statementConvention.getIfUnique();
            TransactionObservationConvention transactions = transactionConvention.getIfUnique();
            return (engine, name) -> EngineObservations.bindTo(engine, name, observationRegistry, statements,
                    transactions);
        });
    }

    /** Gives the timers made from observations the tag every other {@code retort.*} meter has. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.config.MeterFilter")
    static final class ObservationMeterTagConfiguration {

        /** The bean name of the filter that renames the {@code retort.engine} tag. */
        static final String FILTER_BEAN = "retortObservationEngineTagFilter";

        /**
         * Renames the {@code retort.engine} key to {@code engine} on {@code retort.*} meters: the timers a meter
         * observation handler makes of the observations then carry {@code engine=<name>} like the explicit meters,
         * while spans keep {@code retort.engine}.
         */
        @Bean(name = FILTER_BEAN)
        @ConditionalOnMissingBean(name = FILTER_BEAN)
        static MeterFilter retortObservationEngineTagFilter() {
            return MeterFilter.renameTag("retort.", RetortObservationDocumentation.StatementLowCardinalityKeyNames.ENGINE
                    .asString(), "engine");
        }
    }
}
