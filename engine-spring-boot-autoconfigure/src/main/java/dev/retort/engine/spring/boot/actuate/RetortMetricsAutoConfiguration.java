package dev.retort.engine.spring.boot.actuate;

import dev.retort.engine.Engine;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link EngineMetrics} ({@code retort.*} meters, HikariCP's {@code hikaricp.*} for engine-owned pools) for
 * every {@link Engine} bean when Micrometer and a {@link MeterRegistry} are present, unless
 * {@code retort.engine.metrics.enabled=false}. The statement and transaction timers are left out when the
 * {@code retort.statement} / {@code retort.transaction} observations become timers through a meter observation
 * handler (Spring Boot's default with a {@code MeterRegistry}), so each is timed once.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, Engine.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "retort.engine.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetortMetricsProperties.class)
public final class RetortMetricsAutoConfiguration {

    /** The bean name of the post-processor that binds {@link EngineMetrics}. */
    public static final String BINDER_BEAN = "retortEngineMetricsBinder";

    /**
     * Binds {@link EngineMetrics} and {@link CompiledCacheMetrics} to each engine bean (engine name = bean name),
     * without the timers that observations already produce ({@link ObservedTimers}).
     */
    @Bean(name = BINDER_BEAN)
    @ConditionalOnMissingBean(name = BINDER_BEAN)
    static EngineBinderPostProcessor retortEngineMetricsBinder(ObjectProvider<MeterRegistry> registry,
            ListableBeanFactory beanFactory) {
        return new EngineBinderPostProcessor(() -> {
            MeterRegistry meterRegistry = registry.getObject();
            Set<EngineMetrics.Timers> timers = ObservedTimers.explicitTimers(beanFactory);
            return (engine, name) -> {
                EngineMetrics.bindTo(engine, name, meterRegistry, timers);
                CompiledCacheMetrics.bindTo(engine, name, meterRegistry);
            };
        });
    }
}
