/**
 * Spring Boot auto-configuration for Retort: the {@code Engine} and {@code EngineTransactionManager} beans, their
 * {@code retort.engine.*} / {@code retort.engines.<name>.*} properties, exception translation and start-up failure
 * analysis. Actuator support (health, metrics) lives in {@code dev.retort.engine.spring.boot.actuate}.
 */
@NullMarked
package dev.retort.engine.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
