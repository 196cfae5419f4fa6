package dev.retort.bench;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The libraries compared. {@code retortAutocommit} is Retort with reads on an {@code isolation_level=AUTOCOMMIT}
 * option engine (no transaction around a single query, like the other libraries outside a transaction).
 */
public enum Library {
    jdbc, retort, retortAutocommit, jdbcTemplate, jdbcClient, jdbi, jooq;

    Workload open(HikariDataSource ds, Database db) {
        return switch (this) {
            case jdbc -> new JdbcWorkload(ds);
            case retort -> new RetortWorkload(RetortWorkload.engine(ds, db));
            case retortAutocommit -> new RetortWorkload(RetortWorkload.engine(ds, db), true);
            case jdbcTemplate -> new JdbcTemplateWorkload(ds);
            case jdbcClient -> new JdbcClientWorkload(ds);
            case jdbi -> new JdbiWorkload(ds);
            case jooq -> new JooqWorkload(ds, db);
        };
    }
}
