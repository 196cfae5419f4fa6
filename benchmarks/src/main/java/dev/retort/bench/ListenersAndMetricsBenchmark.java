package dev.retort.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.retort.engine.Engine;
import dev.retort.engine.spring.boot.actuate.EngineMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
 * Retort's {@code pointSelect} with instrumentation {@code off} (no listener) and {@code on} (one no-op
 * {@code ConnectionListener} plus the engine's Micrometer meters, {@link EngineMetrics}). Compare with {@code LibraryBenchmark.pointSelect}
 * {@code library=jdbc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ListenersAndMetricsBenchmark {

    @Param({"off", "on"})
    public String instrumentation;

    @Param({"h2", "postgres"})
    public Database db;

    HikariDataSource ds;
    RetortWorkload workload;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ds = db.newPool();
        db.reset(ds);
        Engine engine = Engine.builder(ds).dialect(db.dialect()).build();
        if (instrumentation.equals("on")) {
            engine.addListener(new NoOpListener());
            EngineMetrics.bindTo(engine, "bench", new SimpleMeterRegistry());
        }
        workload = new RetortWorkload(engine);
        Check.user(workload.pointSelect(42), 42);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workload.close();
        ds.close();
    }

    @Benchmark
    public User listenersAndMetrics() {
        return workload.pointSelect(1 + ThreadLocalRandom.current().nextInt(Database.ROWS));
    }
}
