package dev.retort.engine.spring.boot.actuate;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineUrl;
import dev.retort.engine.NestedTransaction;
import dev.retort.engine.Result;
import dev.retort.engine.Transaction;
import dev.retort.engine.TwoPhaseTransaction;
import dev.retort.engine.event.ConnectionListener;
import dev.retort.engine.event.ConnectionRecord;
import dev.retort.engine.event.CursorEvent;
import dev.retort.engine.event.ErrorEvent;
import dev.retort.engine.event.PoolListener;
import dev.retort.engine.exc.EngineException;
import dev.retort.engine.pool.Pool;
import dev.retort.engine.pool.Replica;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer meters for one engine, all tagged {@code engine=<name>}:
 * <ul>
 * <li>{@value #STATEMENTS} timer, tags {@code operation} ({@code select}, {@code insert}, {@code update},
 * {@code delete}, {@code ddl}, {@code other}) and {@code outcome} ({@code success}, {@code error}): time spent in the
 * driver per execution (an executemany is one execution), unless {@link Timers#STATEMENTS} is off;</li>
 * <li>{@value #TRANSACTIONS} timer, tags {@code kind} ({@code root}, {@code nested}, {@code twophase}) and
 * {@code outcome} ({@code commit}, {@code rollback}): from begin (or savepoint) to commit or rollback, unless
 * {@link Timers#TRANSACTIONS} is off;</li>
 * <li>{@value #CHECKOUT} timer: how long checkouts waited for a pooled connection;</li>
 * <li>{@value #ACTIVE} gauge: connections checked out now;</li>
 * <li>{@value #INVALIDATIONS} counter: connections invalidated (discarded as broken);</li>
 * <li>these three pool meters are per pool, tagged {@code role} ({@code primary}, or {@code replica} for each read
 * replica's own pool) and {@code host} (the pool's hosts, comma-separated);</li>
 * <li>{@value #ROWS_FETCHED} distribution summary: rows read from each row-returning result;</li>
 * <li>HikariCP's own {@code hikaricp.*} meters for a pool the engine built itself, unless a metrics tracker is
 * already set (Spring Boot binds the ones of {@code DataSource} beans).</li>
 * </ul>
 * Every meter is created once, when the engine is bound; the execution path only indexes into arrays and records. The
 * operation comes from {@link CursorEvent#operation()}, which the engine derives once per parsed statement.
 * <p>
 * Bind with {@link #bindTo(Engine, String, MeterRegistry)}; Spring Boot does it for every {@link Engine} bean (bean name
 * = engine name) unless {@code retort.engine.metrics.enabled=false}, leaving out the two timers whose observations
 * ({@code retort.statement}, {@code retort.transaction}) already become timers through a meter observation handler,
 * so each concept is timed once. An option engine
 * ({@link Engine#executionOptions}) shares its parent's listeners, so it is counted under its parent's name.
 */
public final class EngineMetrics implements ConnectionListener {

    /** Timer of statement executions. */
    public static final String STATEMENTS = "retort.statements";
    /** Timer of transactions, from begin to end. */
    public static final String TRANSACTIONS = "retort.transactions";
    /** Timer of the wait for a pooled connection. */
    public static final String CHECKOUT = "retort.connections.checkout";
    /** Gauge of connections checked out. */
    public static final String ACTIVE = "retort.connections.active";
    /** Counter of invalidated connections. */
    public static final String INVALIDATIONS = "retort.invalidations";
    /** Distribution summary of rows fetched per result. */
    public static final String ROWS_FETCHED = "retort.rows.fetched";

    /** The two timers that an observation can replace; the other meters are always registered. */
    public enum Timers {
        /** The {@value EngineMetrics#STATEMENTS} timer. */
        STATEMENTS,
        /** The {@value EngineMetrics#TRANSACTIONS} timer. */
        TRANSACTIONS
    }

    /** The {@code operation} tag values, in index order. */
    static final String[] OPERATIONS = {"select", "insert", "update", "delete", "ddl", "other"};

    private static final Logger LOG = LoggerFactory.getLogger(EngineMetrics.class);

    private final String engineName;
    private final MeterRegistry registry;
    private final String startKey;
    /** Statement timers by operation index, or {@code null} when {@link Timers#STATEMENTS} is off. */
    private final Timer @Nullable [] statementSuccess;
    private final Timer @Nullable [] statementError;
    /** Transaction timers by kind index, or {@code null} when {@link Timers#TRANSACTIONS} is off. */
    private final Timer @Nullable [] commits;
    private final Timer @Nullable [] rollbacks;
    private final DistributionSummary rowsFetched;

    private EngineMetrics(String engineName, MeterRegistry registry, Set<Timers> timers) {
        this.engineName = engineName;
        this.registry = registry;
        this.startKey = "retort.metrics.start@" + System.identityHashCode(this);
        Tags base = Tags.of("engine", engineName);
        if (timers.contains(Timers.STATEMENTS)) {
            statementSuccess = new Timer[OPERATIONS.length];
            statementError = new Timer[OPERATIONS.length];
            for (int i = 0; i < OPERATIONS.length; i++) {
                statementSuccess[i] = statementTimer(base, OPERATIONS[i], "success");
                statementError[i] = statementTimer(base, OPERATIONS[i], "error");
            }
        } else {
            statementSuccess = null;
            statementError = null;
        }
        if (timers.contains(Timers.TRANSACTIONS)) {
            commits = new Timer[TransactionKind.NAMES.length];
            rollbacks = new Timer[TransactionKind.NAMES.length];
            for (int i = 0; i < TransactionKind.NAMES.length; i++) {
                commits[i] = transactionTimer(base, TransactionKind.NAMES[i], "commit");
                rollbacks[i] = transactionTimer(base, TransactionKind.NAMES[i], "rollback");
            }
        } else {
            commits = null;
            rollbacks = null;
        }
        rowsFetched = DistributionSummary.builder(ROWS_FETCHED).description("Rows read from each result")
                .baseUnit("rows").tags(base).register(registry);
    }

    private Timer statementTimer(Tags base, String operation, String outcome) {
        return Timer.builder(STATEMENTS).description("Statement executions (time spent in the driver)").tags(base)
                .tag("operation", operation).tag("outcome", outcome).register(registry);
    }

    private Timer transactionTimer(Tags base, String kind, String outcome) {
        return Timer.builder(TRANSACTIONS).description("Transactions, from begin to commit or rollback").tags(base)
                .tag("kind", kind).tag("outcome", outcome).register(registry);
    }

    /**
     * Registers all meters of {@code engine} under {@code engineName}, both timers included, and attaches the
     * listeners that feed them. Does nothing (and returns the existing instance) when the engine already reports to
     * {@code registry}, e.g. an option engine of an instrumented engine.
     *
     * @return the bound metrics
     */
    public static EngineMetrics bindTo(Engine engine, String engineName, MeterRegistry registry) {
        return bindTo(engine, engineName, registry, EnumSet.allOf(Timers.class));
    }

    /**
     * Registers the meters of {@code engine} under {@code engineName} with only the given timers (leave out the ones
     * an observation already turns into a timer) and attaches the listeners that feed them. Does nothing (and returns
     * the existing instance) when the engine already reports to {@code registry}.
     *
     * @param engine the engine
     * @param engineName its name (the {@code engine} tag value)
     * @param registry where the meters go
     * @param timers which of {@value #STATEMENTS} and {@value #TRANSACTIONS} to register
     * @return the bound metrics
     */
    public static EngineMetrics bindTo(Engine engine, String engineName, MeterRegistry registry, Set<Timers> timers) {
        for (ConnectionListener l : engine.getListeners()) {
            if (l instanceof EngineMetrics existing && existing.registry == registry) {
                return existing;
            }
        }
        EngineMetrics metrics = new EngineMetrics(engineName, registry, timers);
        engine.addListener(metrics);
        Pool pool = poolOf(engine);
        if (pool != null) {
            Tags base = Tags.of("engine", engineName);
            bindPool(registry, pool, poolTags(base, "primary", engine.url()));
            pool.addListener(new HikariMeters(registry, pool, engineName));
            for (Replica replica : engine.replicas()) {
                bindPool(registry, replica.pool(), poolTags(base, "replica", replica.url()));
                replica.pool().addListener(new HikariMeters(registry, replica.pool(), engineName));
            }
        }
        return metrics;
    }

    /** The pool meters of one pool (the primary's or a replica's), fed by a listener on that pool only. */
    private static void bindPool(MeterRegistry registry, Pool pool, Tags tags) {
        Gauge.builder(ACTIVE, pool, Pool::checkedOut).description("Connections checked out of the pool").tags(tags)
                .register(registry);
        Timer checkout = Timer.builder(CHECKOUT).description("Time spent waiting for a pooled connection").tags(tags)
                .register(registry);
        Counter invalidations = Counter.builder(INVALIDATIONS).description("Connections invalidated (discarded as "
                + "broken)").tags(tags).register(registry);
        pool.addListener(new PoolMeters(checkout, invalidations));
    }

    private static Tags poolTags(Tags base, String role, EngineUrl url) {
        String hosts = url.hosts().stream().map(EngineUrl.Host::toString).collect(Collectors.joining(","));
        return base.and("role", role, "host", hosts.isEmpty() ? "local" : hosts);
    }

    /** One pool's checkout waits and invalidations. */
    private record PoolMeters(Timer checkout, Counter invalidations) implements PoolListener {

        @Override
        public void checkoutWait(java.sql.Connection dbapi, Duration wait) {
            checkout.record(wait);
        }

        @Override
        public void invalidate(java.sql.Connection dbapi, ConnectionRecord record, @Nullable Throwable cause) {
            invalidations.increment();
        }
    }

    private static @Nullable Pool poolOf(Engine engine) {
        try {
            return engine.pool();
        } catch (EngineException mockEngine) {
            return null;
        }
    }

    /** The engine name these meters are tagged with. */
    public String engineName() {
        return engineName;
    }

    // ------------------------------------------------------------ statements

    @Override
    public void afterCursorExecute(CursorEvent e) {
        Duration elapsed = e.elapsed();
        if (elapsed != null && statementSuccess != null) {
            statementSuccess[operationIndex(e.operation())].record(elapsed);
        }
    }

    /** A statement execution failed: its cursor event says how long it ran; commit or fetch errors have none. */
    @Override
    public void handleError(ErrorEvent e) {
        CursorEvent failed = e.cursorEvent();
        Duration elapsed = failed != null ? failed.elapsed() : null;
        if (elapsed != null && statementError != null) {
            statementError[operationIndex(failed.operation())].record(elapsed);
        }
    }

    @Override
    public void resultClosed(Result result, long rowsFetched) {
        this.rowsFetched.record(rowsFetched);
    }

    static int operationIndex(String operation) {
        switch (operation) {
            case "select":
                return 0;
            case "insert":
                return 1;
            case "update":
                return 2;
            case "delete":
                return 3;
            case "ddl":
                return 4;
            default:
                return 5;
        }
    }

    // ------------------------------------------------------------ transactions: start time in the attributes

    @Override
    public void begin(Transaction tx) {
        started(tx);
    }

    @Override
    public void beginTwoPhase(TwoPhaseTransaction tx) {
        started(tx);
    }

    @Override
    public void savepoint(NestedTransaction sp) {
        started(sp);
    }

    @Override
    public void commit(Transaction tx) {
        ended(tx, commits);
    }

    @Override
    public void commitTwoPhase(TwoPhaseTransaction tx) {
        ended(tx, commits);
    }

    @Override
    public void releaseSavepoint(NestedTransaction sp) {
        ended(sp, commits);
    }

    @Override
    public void rollback(Transaction tx) {
        ended(tx, rollbacks);
    }

    @Override
    public void rollbackTwoPhase(TwoPhaseTransaction tx) {
        ended(tx, rollbacks);
    }

    @Override
    public void rollbackSavepoint(NestedTransaction sp) {
        ended(sp, rollbacks);
    }

    private void started(Transaction tx) {
        if (commits != null) {
            tx.attributes().put(startKey, System.nanoTime());
        }
    }

    private void ended(Transaction tx, Timer @Nullable [] timers) {
        if (timers != null && tx.attributes().remove(startKey) instanceof Long start) {
            timers[TransactionKind.of(tx)].record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    // ------------------------------------------------------------ pool

    /**
     * HikariCP's own {@code hikaricp.*} meters (tag {@code pool} = the HikariCP pool name) for one pool the engine
     * built itself: the primary's or a replica's. Bound at the pool's first connection, when HikariCP has started
     * (the first, or the first after {@code dispose()}).
     */
    private record HikariMeters(MeterRegistry registry, Pool pool, String engineName) implements PoolListener {

        /**
         * Gives the pool's HikariCP pool a Micrometer metrics tracker, unless one is set already (HikariCP accepts it
         * only once; Spring Boot sets it for {@code DataSource} beans).
         */
        @Override
        public void firstConnect(java.sql.Connection dbapi, ConnectionRecord record) {
            HikariDataSource hikari = pool.hikariDataSource();
            if (hikari == null) {
                return;
            }
            synchronized (hikari) {
                if (hikari.getMetricsTrackerFactory() != null || hikari.getMetricRegistry() != null) {
                    return;
                }
                try {
                    hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
                } catch (IllegalStateException e) {
                    LOG.debug("HikariCP metrics already bound for engine {}", engineName, e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "EngineMetrics[" + engineName + "]";
    }
}
