package dev.retort.engine.spring.boot.actuate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Micrometer meters of Retort engines ({@code retort.engine.metrics.*}).
 *
 * @param enabled Whether to register retort.* meters (and HikariCP's hikaricp.* for engine-owned pools) for every
 *        engine when a MeterRegistry is present. When false, no listener is attached and no meter work happens.
 */
@ConfigurationProperties("retort.engine.metrics")
public record RetortMetricsProperties(@DefaultValue("true") boolean enabled) {
}
