package dev.retort.engine.dialect;

import dev.retort.engine.EngineUrl;
import dev.retort.engine.exc.ArgumentException;

/**
 * The fallback for a {@code jdbc:} URL whose sub-protocol has no registered dialect: standard JDBC behaviour only,
 * no two-phase commit.
 */
public class GenericDialect implements Dialect {

    private final String name;

    /** Creates the dialect for a JDBC sub-protocol. */
    public GenericDialect(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String driverName() {
        return "jdbc";
    }

    @Override
    public String driverClassName() {
        return "";
    }

    @Override
    public String jdbcUrl(EngineUrl url) {
        String raw = url.rawJdbcUrl();
        if (raw == null) {
            throw new ArgumentException("Dialect '" + name + "' can only be used with a jdbc: URL");
        }
        return raw;
    }
}
