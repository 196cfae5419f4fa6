package dev.retort.engine.spring.boot.actuate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Micrometer meters of Retort engines ({@code retort.engine.metrics.*}).
 *
 * @param enabled whether to register {@code retort.*} meters (and HikariCP's for engine-owned pools) for every engine
 *        when a {@code MeterRegistry} is present; when false, no listener is attached and no meter work happens
 */
@ConfigurationProperties("retort.engine.metrics")
public record RetortMetricsProperties(@DefaultValue("true") boolean enabled) {
}
