package dev.retort.engine.spring.boot.actuate;

import dev.retort.engine.Engine;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Replaces Boot's {@code db} health contributor so that {@code /actuator/health} never waits longer than
 * {@code retort.engine.health.timeout} because of a database: a {@code DataSource} an engine covers is checked by
 * that engine's ping (shared with the {@code retort} contributor, so both wait once), any other one by Boot's
 * {@link DataSourceHealthIndicator} bounded by the same timeout. Off with {@code management.health.db.enabled=false}.
 */
@AutoConfiguration(after = RetortHealthAutoConfiguration.class,
        afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "dev.retort.engine.spring.boot.autoconfigure.RetortEngineAutoConfiguration" },
        beforeName = "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration")
@ConditionalOnClass({ HealthContributor.class, DataSourceHealthIndicator.class, Engine.class })
@ConditionalOnBean(DataSource.class)
@ConditionalOnEnabledHealthIndicator("db")
@EnableConfigurationProperties(RetortHealthProperties.class)
public final class RetortDataSourceHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = { "dbHealthIndicator", "dbHealthContributor" })
    HealthContributor dbHealthContributor(ListableBeanFactory beanFactory, RetortHealthProperties properties,
            ObjectProvider<EngineHealthIndicators> engines) {
        EngineHealthIndicators indicators = engines.getIfAvailable(() -> new EngineHealthIndicators(beanFactory,
                properties.timeout()));
        Map<String, HealthIndicator> byDataSource = new TreeMap<>();
        beanFactory.getBeansOfType(DataSource.class, false, true).forEach((name, dataSource) -> {
            HealthIndicator engine = indicators.covering(dataSource);
            byDataSource.put(name, engine != null ? engine : new BoundedHealthIndicator("db-" + name,
                    new DataSourceHealthIndicator(dataSource), properties.timeout()));
        });
        return byDataSource.size() == 1 ? byDataSource.values().iterator().next()
                : CompositeHealthContributor.fromMap(byDataSource);
    }
}
