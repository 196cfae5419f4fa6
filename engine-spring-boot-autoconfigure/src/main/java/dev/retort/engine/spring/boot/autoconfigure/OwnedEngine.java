package dev.retort.engine.spring.boot.autoconfigure;

import dev.retort.engine.Engine;
import javax.sql.DataSource;

/**
 * An engine built from a URL, which owns its pool. A bean of its own so that the pool's {@code DataSource} bean
 * does not depend on the {@code Engine} bean: the {@code Engine} waits for database initialization
 * ({@code spring.sql.init}, Flyway), which itself needs the {@code DataSource}.
 */
final class OwnedEngine implements AutoCloseable {

    private final Engine engine;

    OwnedEngine(Engine engine) {
        this.engine = engine;
    }

    Engine engine() {
        return engine;
    }

    /** The engine's pool as a {@code DataSource}: the same object for the engine's life. */
    DataSource dataSource() {
        return engine.dataSource();
    }

    @Override
    public void close() {
        engine.close();
    }
}
