package dev.retort.engine.spring.boot.actuate;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code retort} health contributor ({@code retort.engine.health.*}; switch it off with
 * {@code management.health.retort.enabled=false}).
 *
 * @param timeout How long a health check waits for an engine's ping before reporting it DOWN.
 */
@ConfigurationProperties("retort.engine.health")
public record RetortHealthProperties(@DefaultValue("2s") Duration timeout) {
}
