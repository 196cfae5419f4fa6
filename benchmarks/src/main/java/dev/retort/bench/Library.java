package dev.retort.bench;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The libraries compared. {@code retort} runs over the shared HikariCP pool (autocommit on, so each autobegun
 * transaction turns it off and back on); {@code retortPool} lets the engine own a pool with the same size, the way
 * {@code Engine.create(url)} is used, where connections stay out of autocommit and only the reset rollback remains;
 * {@code retortAutocommit} reads on an {@code isolation_level=AUTOCOMMIT} option engine (no transaction around a
 * single query, like the other libraries outside a transaction); {@code retortExpr} is {@code retort} written with
 * the SQL expression language, statements built per call (compare it with {@code retort} and {@code jooqDsl}). The
 * same-semantics floors: {@code jdbc} and {@code jdbcTemplate} read without a transaction (compare
 * {@code retortAutocommit} with them); {@code jdbcTx} and {@code jdbcTemplateTx} read inside a transaction that ends
 * at once (compare {@code retort} and {@code retortExpr} with them).
 */
public enum Library {
    jdbc, jdbcTx, retort, retortPool, retortAutocommit, retortExpr, jdbcTemplate, jdbcTemplateTx, jdbcClient, jdbi,
    jooq, jooqDsl;

    Workload open(HikariDataSource ds, Database db) {
        return switch (this) {
            case jdbc -> new JdbcWorkload(ds);
            case jdbcTx -> new JdbcTxWorkload(ds);
            case retort -> new RetortWorkload(RetortWorkload.engine(ds, db));
            case retortPool -> new RetortWorkload(dev.retort.engine.Engine.builder(ds.getJdbcUrl())
                    .username(ds.getUsername()).password(ds.getPassword())
                    .poolSize(Database.POOL_SIZE).maxOverflow(0).build());
            case retortAutocommit -> new RetortWorkload(RetortWorkload.engine(ds, db), true);
            case retortExpr -> new RetortExprWorkload(RetortWorkload.engine(ds, db));
            case jdbcTemplate -> new JdbcTemplateWorkload(ds);
            case jdbcTemplateTx -> new JdbcTemplateTxWorkload(ds);
            case jdbcClient -> new JdbcClientWorkload(ds);
            case jdbi -> new JdbiWorkload(ds);
            case jooq -> new JooqWorkload(ds, db);
            case jooqDsl -> new JooqDslWorkload(ds, db);
        };
    }
}
