package dev.retort.engine.spring.boot.autoconfigure;

import dev.retort.engine.Engine;

/**
 * Adjusts an engine before it is built: a bean of this type is applied to every auto-configured engine, in
 * {@code @Order} order, after the properties and the listener beans.
 */
@FunctionalInterface
public interface EngineCustomizer {

    /** Customizes the builder of an engine about to be created. */
    void customize(Engine.Builder builder);
}
