package dev.retort.engine.testing;

import dev.retort.engine.EngineUrl;
import dev.retort.engine.dialect.H2Dialect;

/**
 * A dialect found only through {@code META-INF/services/dev.retort.engine.dialect.Dialect} on the test class path:
 * {@code retorttest+h2wrap:///NAME} is an in-memory H2 database.
 */
public class ServiceLoadedDialect extends H2Dialect {

    @Override
    public String name() {
        return "retorttest";
    }

    @Override
    public String driverName() {
        return "h2wrap";
    }

    @Override
    public String jdbcUrl(EngineUrl url) {
        return "jdbc:h2:mem:" + url.database() + ";DB_CLOSE_DELAY=-1";
    }
}
