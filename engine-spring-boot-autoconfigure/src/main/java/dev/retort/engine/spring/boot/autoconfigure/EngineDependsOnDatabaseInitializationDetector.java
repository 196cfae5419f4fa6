package dev.retort.engine.spring.boot.autoconfigure;

import dev.retort.engine.Engine;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Orders every {@link Engine} bean after database initialization ({@code spring.sql.init} scripts, Flyway,
 * Liquibase), as Boot orders {@code JdbcTemplate}: a bean that reads through the engine at start-up sees the
 * initialized schema. Registered in {@code META-INF/spring.factories}.
 */
final class EngineDependsOnDatabaseInitializationDetector
        extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(Engine.class);
    }
}
