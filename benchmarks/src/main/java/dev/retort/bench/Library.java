package dev.retort.bench;

import com.zaxxer.hikari.HikariDataSource;

/** The libraries compared. */
public enum Library {
    jdbc, retort, jdbcTemplate, jdbcClient, jdbi, jooq;

    Workload open(HikariDataSource ds, Database db) {
        return switch (this) {
            case jdbc -> new JdbcWorkload(ds);
            case retort -> new RetortWorkload(RetortWorkload.engine(ds, db));
            case jdbcTemplate -> new JdbcTemplateWorkload(ds);
            case jdbcClient -> new JdbcClientWorkload(ds);
            case jdbi -> new JdbiWorkload(ds);
            case jooq -> new JooqWorkload(ds, db);
        };
    }
}
