package dev.retort.engine.spring.boot.actuate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Micrometer observations of Retort engines ({@code retort.engine.observations.*}).
 *
 * @param enabled Whether to emit retort.statement and retort.transaction observations for every engine when an
 *        ObservationRegistry is present. With a meter observation handler they are the statement and
 *        transaction timers; when false, the explicit retort.statements and retort.transactions timers are
 *        registered instead.
 */
@ConfigurationProperties("retort.engine.observations")
public record RetortObservationProperties(@DefaultValue("true") boolean enabled) {
}
