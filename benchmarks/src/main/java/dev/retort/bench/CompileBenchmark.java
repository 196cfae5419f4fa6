package dev.retort.bench;

import static dev.retort.engine.sql.Expressions.bindparam;
import static dev.retort.engine.sql.Expressions.insert;
import static dev.retort.engine.sql.Expressions.select;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Result;
import dev.retort.engine.schema.MetaData;
import dev.retort.engine.sql.Insert;
import dev.retort.engine.sql.Select;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
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

/**
 * What the SQL expression language costs before a statement reaches the driver, without a database: statements run
 * on an engine (with its default compiled cache) over a {@link NoOpDataSource}, whose JDBC objects execute nothing,
 * on one connection held for the trial. ({@code Engine.mock} would not do: it has no compiled cache.)
 *
 * <ul>
 *   <li>{@code compileSelect}, {@code compileInsert}: a cold compile ({@code statement.compile(dialect).sql()}, no
 *       cache) of {@code RetortExprWorkload}'s point select and single-row insert.</li>
 *   <li>{@code buildSelect}, {@code buildInsert}: only building the statement object, as every call of a user's
 *       code does.</li>
 *   <li>{@code hitSelect}, {@code hitInsert}: build the statement and execute it — a compiled-cache hit (the cache
 *       is warm after the first call), bind-value extraction, and the no-op execution.</li>
 *   <li>{@code hitSelectBindparam}: the point select built once with {@code bindparam("id")}, executed with
 *       {@code Map.of("id", id)}: the statement's own memo instead of the cache lookup.</li>
 *   <li>{@code textSelect}, {@code textInsert}: the same statements as {@code library=retort} runs them: its
 *       {@code Sql.text(...)} constants with a {@code Map} of parameters built per call.</li>
 *   <li>{@code driverSql}: the point select as driver SQL with positional values ({@code execDriverSql}), nothing
 *       to prepare: the floor of the no-op execution. The preparation's own allocation is a benchmark's
 *       {@code gc.alloc.rate.norm} minus this one's (and minus {@code buildSelect}'s or {@code buildInsert}'s
 *       for {@code hitSelect} and {@code hitInsert}).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CompileBenchmark {

    @Param({"h2", "postgresql", "mariadb"})
    public String dialect;

    final RetortExprWorkload.Users users = new RetortExprWorkload.Users(new MetaData());
    final User user = Database.newUsers(1, Database.ROWS).get(0);
    Select byIdBindparam;
    Engine engine;
    Connection conn;

    @Setup(Level.Trial)
    public void setUp() {
        engine = Engine.builder(NoOpDataSource.create()).dialect(dialect).build();
        conn = engine.connect();
        byIdBindparam = select(users).where(users.id.eq(bindparam("id", Long.class)));
        // the cases must do what they claim: a miss on the first execution, then hits only
        Check.equal(compileSelect().contains("WHERE"), true, "compileSelect renders a WHERE clause");
        Check.equal(compileInsert().startsWith("INSERT INTO"), true, "compileInsert renders an INSERT");
        long misses = engine.compiledCache().misses();
        hitSelect();
        hitInsert();
        hitSelectBindparam();
        Check.equal(engine.compiledCache().misses() - misses, 3, "misses of the first hit* executions");
        long hits = engine.compiledCache().hits();
        hitSelect();
        hitInsert();
        hitSelectBindparam();
        Check.equal(engine.compiledCache().misses() - misses, 3, "misses after the second hit* executions");
        Check.equal(engine.compiledCache().hits() - hits, 3, "hits of the second hit* executions");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        conn.close();
        engine.close();
    }

    static long randomId() {
        return 1 + ThreadLocalRandom.current().nextInt(Database.ROWS);
    }

    Insert newInsert() {
        return insert(users).values(users.name, user.name()).values(users.email, user.email())
                .values(users.age, user.age()).values(users.active, user.active())
                .values(users.created, user.created());
    }

    @Benchmark
    public String compileSelect() {
        return select(users).where(users.id.eq(randomId())).compile(engine.dialect()).sql();
    }

    @Benchmark
    public String compileInsert() {
        return newInsert().compile(engine.dialect()).sql();
    }

    @Benchmark
    public Select buildSelect() {
        return select(users).where(users.id.eq(randomId()));
    }

    @Benchmark
    public Insert buildInsert() {
        return newInsert();
    }

    @Benchmark
    public Result hitSelect() {
        return conn.execute(select(users).where(users.id.eq(randomId())));
    }

    @Benchmark
    public Result hitInsert() {
        return conn.execute(newInsert());
    }

    @Benchmark
    public Result hitSelectBindparam() {
        return conn.execute(byIdBindparam, Map.of("id", randomId()));
    }

    @Benchmark
    public Result textSelect() {
        return conn.execute(RetortWorkload.BY_ID, Map.of("id", randomId()));
    }

    @Benchmark
    public Result textInsert() {
        return conn.execute(RetortWorkload.INSERT_USER, RetortWorkload.params(user));
    }

    @Benchmark
    public Result driverSql() {
        return conn.execDriverSql(Workload.SELECT_BY_ID, randomId());
    }
}
