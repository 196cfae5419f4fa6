package dev.retort.engine.spring.boot.actuate;

import dev.retort.engine.Engine;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * The {@code retort} health contributor: one {@link EngineHealthIndicator} per {@link Engine} bean, keyed by bean
 * name ({@code /actuator/health/retort/<name>}). Switch it off with {@code management.health.retort.enabled=false};
 * the ping timeout is {@code retort.engine.health.timeout} (default 2s).
 */
@AutoConfiguration
@ConditionalOnClass({ HealthContributor.class, Engine.class })
@ConditionalOnEnabledHealthIndicator("retort")
@EnableConfigurationProperties(RetortHealthProperties.class)
public final class RetortHealthAutoConfiguration {

    /**
     * The health contributor bean; Spring Boot shows it as {@code retort}. The engines are looked up when the bean is
     * created, after every configuration was read, so this does not depend on the order of auto-configurations; with
     * no engine the composite is empty and the health endpoint leaves it out.
     */
    @Bean
    @ConditionalOnMissingBean(name = { "retortHealthIndicator", "retortHealthContributor" })
    HealthContributor retortHealthIndicator(EngineHealthIndicators retortEngineHealthIndicators) {
        return CompositeHealthContributor.fromMap(retortEngineHealthIndicators.byName());
    }

    /** The engines' indicators, shared with the {@code db} contributor. */
    @Bean
    EngineHealthIndicators retortEngineHealthIndicators(ListableBeanFactory beanFactory,
            RetortHealthProperties properties) {
        return new EngineHealthIndicators(beanFactory, properties.timeout());
    }
}
