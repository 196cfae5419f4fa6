package dev.retort.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Result;
import dev.retort.engine.spring.transaction.EngineTransactionManager;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code txRoundTrip} through a Spring {@code TransactionTemplate}: {@code EngineTransactionManager} against
 * {@code DataSourceTransactionManager}, with the same body written with Retort ({@code engine.connect()} joins the
 * Spring transaction) or with {@code JdbcTemplate} (joins through the bound {@code ConnectionHolder}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class EngineTransactionManagerBenchmark {

    @Param({"engine", "dataSource"})
    public String transactionManager;

    @Param({"retort", "jdbcTemplate"})
    public String body;

    @Param({"h2", "postgres"})
    public Database db;

    HikariDataSource ds;
    Engine engine;
    JdbcTemplate jdbc;
    TransactionTemplate tx;
    User one;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ds = db.newPool();
        db.reset(ds);
        engine = RetortWorkload.engine(ds, db);
        jdbc = new JdbcTemplate(engine.dataSource());
        PlatformTransactionManager tm = transactionManager.equals("engine") ? new EngineTransactionManager(engine)
                : new DataSourceTransactionManager(engine.dataSource());
        tx = new TransactionTemplate(tm);
        one = Database.newUsers(1, Database.ROWS).get(0);
        Check.equal(txRoundTrip().name(), one.name(), "txRoundTrip name");
    }

    @TearDown(Level.Iteration)
    public void trim() throws Exception {
        db.trim(ds);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
        ds.close();
    }

    @Benchmark
    public User txRoundTrip() {
        return body.equals("retort") ? tx.execute(status -> retortBody()) : tx.execute(status -> jdbcTemplateBody());
    }

    private User retortBody() {
        try (Connection conn = engine.connect()) {
            Result inserted = conn.execute(RetortWorkload.INSERT_USER, RetortWorkload.params(one));
            Object id = inserted.insertedPrimaryKey().orElseThrow().get(0);
            return conn.execute(RetortWorkload.BY_ID, Map.of("id", id)).one().as(User.class);
        }
    }

    private User jdbcTemplateBody() {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement(Workload.INSERT, new String[] {"id"});
            JdbcWorkload.bind(ps, one);
            return ps;
        }, keys);
        return jdbc.queryForObject(Workload.SELECT_BY_ID, JdbcTemplateWorkload.MAPPER, keys.getKeyAs(Long.class));
    }
}
