package dev.retort.engine.spring.boot.autoconfigure;

import dev.retort.engine.Engine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Auto-configures the engines that own their pool: {@code retort.engine.url} and every
 * {@code retort.engines.<name>} (with or without a URL). An engine's pool becomes a {@code DataSource} bean, so Boot's
 * own {@code DataSource} (and an embedded database on the class path) backs off and {@code JdbcTemplate},
 * {@code JdbcClient}, {@code spring.sql.init} and Flyway use the engine's pool and join its transactions; setting
 * {@code spring.datasource.*} as well is an error unless {@code separate-pool=true}. Runs before Boot's
 * {@code DataSource} auto-configuration; {@link RetortEngineAutoConfiguration} adds the transaction managers.
 */
@AutoConfiguration(before = RetortEngineAutoConfiguration.class,
        beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(Engine.class)
@EnableConfigurationProperties({RetortEngineProperties.class, RetortEnginesProperties.class})
@Import({RetortEngineConfigurations.OwnedSingleEngine.class, NamedEnginesRegistrar.class})
public final class RetortDataSourceAutoConfiguration {
}
