package dev.retort.engine.spring.boot.actuate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Micrometer observations of Retort engines ({@code retort.engine.observations.*}).
 *
 * @param enabled whether to emit {@code retort.statement} and {@code retort.transaction} observations for every
 *        engine when an {@code ObservationRegistry} is present
 */
@ConfigurationProperties("retort.engine.observations")
public record RetortObservationProperties(@DefaultValue("true") boolean enabled) {
}
