/**
 * Observability for Retort engines: Micrometer meters ({@link dev.retort.engine.spring.boot.actuate.EngineMetrics}),
 * Micrometer observations ({@link dev.retort.engine.spring.boot.actuate.EngineObservations}), the {@code retort}
 * health contributor ({@link dev.retort.engine.spring.boot.actuate.EngineHealthIndicator}), the {@code retort}
 * actuator endpoint ({@link dev.retort.engine.spring.boot.actuate.RetortEndpoint}) and their auto-configurations.
 */
@NullMarked
package dev.retort.engine.spring.boot.actuate;

import org.jspecify.annotations.NullMarked;
