package dev.retort.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The five workloads (plus {@code pointSelect} from four threads) for every library and database, in one run.
 * Throughput in operations per second; compare each library with its same-semantics floor of the same workload and
 * database ({@link Library}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class LibraryBenchmark {

    @Param({"jdbc", "jdbcTx", "retort", "retortPool", "retortAutocommit", "retortExpr", "jdbcTemplate",
            "jdbcTemplateTx", "jdbcClient", "jdbi", "jooq", "jooqDsl"})
    public Library library;

    @Param({"h2", "postgres"})
    public Database db;

    HikariDataSource ds;
    Workload workload;
    List<User> batch;
    User one;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ds = db.newPool();
        db.reset(ds);
        workload = library.open(ds, db);
        batch = Database.newUsers(Workload.BATCH, Database.ROWS);
        one = Database.newUsers(1, Database.ROWS).get(0);
        // fail fast if a library gets a workload wrong
        Check.user(workload.pointSelect(42), 42);
        Check.equal(workload.fetch1000(1).size(), Workload.BATCH, "fetch1000 rows");
        Check.equal(workload.streamAll(), expectedAgeSum(), "streamAll sum");
        Check.equal(workload.batchInsert1000(batch), Workload.BATCH, "batchInsert1000 rows");
        Check.equal(workload.txRoundTrip(one).name(), one.name(), "txRoundTrip name");
        db.trim(ds);
    }

    @TearDown(Level.Iteration)
    public void trim() throws Exception {
        db.trim(ds);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        workload.close();
        ds.close();
    }

    static long expectedAgeSum() {
        long sum = 0;
        for (int i = 0; i < Database.ROWS; i++) {
            sum += 18 + i % 60;
        }
        return sum;
    }

    @Benchmark
    public User pointSelect() throws Exception {
        return workload.pointSelect(1 + ThreadLocalRandom.current().nextInt(Database.ROWS));
    }

    /** {@link #pointSelect()} from four threads at once on the pool of four: exposes contention on shared state. */
    @Benchmark
    @Threads(Database.POOL_SIZE)
    public User pointSelect4Threads() throws Exception {
        return pointSelect();
    }

    @Benchmark
    public List<User> fetch1000() throws Exception {
        return workload.fetch1000(1 + ThreadLocalRandom.current().nextInt(Database.ROWS - Workload.BATCH));
    }

    @Benchmark
    public long batchInsert1000() throws Exception {
        return workload.batchInsert1000(batch);
    }

    @Benchmark
    public User txRoundTrip() throws Exception {
        return workload.txRoundTrip(one);
    }

    @Benchmark
    public long streamAll() throws Exception {
        return workload.streamAll();
    }
}
