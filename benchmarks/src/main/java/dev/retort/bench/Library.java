package dev.retort.bench;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The libraries compared. {@code retort} runs over the shared HikariCP pool (autocommit on, so each autobegun
 * transaction turns it off and back on); {@code retortPool} lets the engine own a pool with the same size, the way
 * {@code Engine.create(url)} is used, where connections stay out of autocommit and only the reset rollback remains;
 * {@code retortAutocommit} reads on an {@code isolation_level=AUTOCOMMIT} option engine (no transaction around a
 * single query, like the other libraries outside a transaction).
 */
public enum Library {
    jdbc, retort, retortPool, retortAutocommit, jdbcTemplate, jdbcClient, jdbi, jooq;

    Workload open(HikariDataSource ds, Database db) {
        return switch (this) {
            case jdbc -> new JdbcWorkload(ds);
            case retort -> new RetortWorkload(RetortWorkload.engine(ds, db));
            case retortPool -> new RetortWorkload(dev.retort.engine.Engine.builder(ds.getJdbcUrl())
                    .username(ds.getUsername()).password(ds.getPassword())
                    .poolSize(Database.POOL_SIZE).maxOverflow(0).build());
            case retortAutocommit -> new RetortWorkload(RetortWorkload.engine(ds, db), true);
            case jdbcTemplate -> new JdbcTemplateWorkload(ds);
            case jdbcClient -> new JdbcClientWorkload(ds);
            case jdbi -> new JdbiWorkload(ds);
            case jooq -> new JooqWorkload(ds, db);
        };
    }
}
