package dev.retort.engine.spring.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL schema of one Spring test class: created on first use, registered as the application's
 * {@code spring.datasource.*}, dropped after the class. Register it as a static {@code @RegisterExtension} field:
 * the class is skipped (failed when {@code CI=true}) without a reachable server.
 */
public final class PostgresqlSchema implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        TestDatabase.POSTGRESQL.requireAvailable();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        drop();
    }

    private TestDatabase.Db db;

    /** The schema, created on first call. */
    public synchronized TestDatabase.Db db() {
        if (db == null) {
            db = TestDatabase.POSTGRESQL.create();
        }
        return db;
    }

    /** Registers {@code spring.datasource.url}, {@code username} and {@code password} for the schema. */
    public void registerDataSource(DynamicPropertyRegistry registry) {
        register(registry, "spring.datasource");
    }

    /** Registers {@code retort.engine.url}, {@code username} and {@code password}: the engine owns the pool. */
    public void registerEngine(DynamicPropertyRegistry registry) {
        register(registry, "retort.engine");
    }

    private void register(DynamicPropertyRegistry registry, String prefix) {
        registry.add(prefix + ".url", () -> db().jdbcUrl());
        registry.add(prefix + ".username", () -> db().username());
        registry.add(prefix + ".password", () -> db().password() == null ? "" : db().password());
    }

    /** Drops the schema, if it was created. */
    public synchronized void drop() {
        if (db != null) {
            db.close();
            db = null;
        }
    }
}
