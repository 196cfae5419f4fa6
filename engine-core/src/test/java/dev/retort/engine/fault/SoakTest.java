package dev.retort.engine.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineUrl;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.Sql;
import dev.retort.engine.TextClause;
import dev.retort.engine.event.ConnectionRecord;
import dev.retort.engine.event.PoolListener;
import dev.retort.engine.exc.EngineException;
import dev.retort.engine.testing.FaultProxy;
import dev.retort.engine.testing.PrivatePostgres;
import dev.retort.engine.testing.TestDatabase;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's randomized soak: several threads run small transactions behind a {@link FaultProxy} while faults are
 * injected every few hundred milliseconds (connections cut, the engine's sessions killed by the server, short
 * partitions; on the private PostgreSQL cluster also one server restart). Bounded in operations and time.
 * Afterwards: every acknowledged commit is present, no rolled-back row is, nothing is checked out, no session is
 * idle in transaction, every exception was a {@code dev.retort.engine.exc} type, and the engine works. The figures
 * are printed.
 */
class SoakTest {

    private static final int THREADS = 4;
    private static final int MAX_OPERATIONS = 20_000;
    private static final String TABLE = "soak";
    private static final TextClause INSERT = Sql.text("INSERT INTO soak (id, worker) VALUES (:id, :worker)");
    private static final TextClause READ = Sql.text("SELECT count(*) FROM soak WHERE worker = :worker");

    /** One kind of fault the injector picks from. */
    interface Fault {
        void inject() throws Exception;
    }

    @Test
    void postgresql() throws Exception {
        try (PrivatePostgres cluster = PrivatePostgres.create("retort_soak", 5443);
                FaultProxy proxy = FaultProxy.to(cluster.port());
                Engine engine = engine("postgresql://postgres@127.0.0.1:" + proxy.port() + "/test", null)) {
            AtomicBoolean restarted = new AtomicBoolean();
            long start = System.nanoTime();
            Fault kill = () -> {
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(5) && restarted.compareAndSet(false, true)) {
                    cluster.restart();
                } else {
                    cluster.terminateBackends();
                }
            };
            soak("postgresql", engine, proxy, kill, 30_000, () -> DriverManager.getConnection(
                    cluster.jdbcUrl("test"), "postgres", null), () -> "SELECT count(*) FROM pg_stat_activity WHERE "
                    + "datname = 'test' AND state LIKE 'idle in transaction%'");
            assertThat(restarted).isTrue();
        }
    }

    @Test
    void mariadb() throws Exception {
        TestDatabase.MARIADB.requireAvailable();
        EngineUrl shared = EngineUrl.parse(TestDatabase.MARIADB.url());
        Set<Long> sessions = ConcurrentHashMap.newKeySet(); // only the engine's sessions are killed
        PoolListener tracker = new PoolListener() {
            @Override
            public void connect(java.sql.Connection dbapi, ConnectionRecord record) {
                try (var st = dbapi.createStatement(); var rs = st.executeQuery("SELECT CONNECTION_ID()")) {
                    rs.next();
                    sessions.add(rs.getLong(1));
                } catch (SQLException e) {
                    // the connection died at once: nothing to track
                }
            }
        };
        SqlConnector direct = () -> DriverManager.getConnection(shared.toJdbcUrl(), shared.username(),
                shared.password());
        try (FaultProxy proxy = FaultProxy.to(shared.port() != null ? shared.port() : 3306);
                Engine engine = engine("mariadb://" + shared.username() + "@127.0.0.1:" + proxy.port() + "/"
                        + shared.database(), shared.password(), tracker)) {
            Fault kill = () -> {
                try (java.sql.Connection admin = direct.open(); var st = admin.createStatement()) {
                    for (Long id : sessions) {
                        try {
                            st.execute("KILL " + id);
                        } catch (SQLException gone) {
                            sessions.remove(id);
                        }
                    }
                }
            };
            soak("mariadb", engine, proxy, kill, 10_000, direct, () -> "SELECT count(*) FROM "
                    + "information_schema.innodb_trx WHERE trx_mysql_thread_id IN (" + String.join(",",
                            sessions.stream().map(String::valueOf).toList()) + ",-1)");
        }
    }

    /** Opens a direct (not proxied) connection for checks. */
    interface SqlConnector {
        java.sql.Connection open() throws SQLException;
    }

    private static Engine engine(String url, String password, PoolListener... listeners) {
        Engine.Builder builder = Engine.builder(url).password(password).poolSize(THREADS).maxOverflow(2)
                .poolTimeout(Duration.ofSeconds(3)).poolPrePing(true)
                .executionOptions(ExecutionOptions.empty().withTimeout(Duration.ofSeconds(2)));
        for (PoolListener l : listeners) {
            builder.poolListener(l);
        }
        return builder.build();
    }

    private static void soak(String name, Engine engine, FaultProxy proxy, Fault kill, long maxMillis,
            SqlConnector direct, Supplier<String> idleInTransactionQuery) throws Exception {
        try (Connection c = engine.connect()) {
            c.execDriverSql("DROP TABLE IF EXISTS " + TABLE);
            c.execDriverSql("CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, worker INT NOT NULL)");
            c.commit();
        }
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Set<Long> rolledBack = ConcurrentHashMap.newKeySet();
        Set<Long> ambiguous = ConcurrentHashMap.newKeySet();
        List<Throwable> foreign = new CopyOnWriteArrayList<>();
        AtomicInteger operations = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger faults = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < THREADS; w++) {
            int worker = w;
            workers.add(pool.submit(() -> {
                long seq = 0;
                while (!stop.get() && System.nanoTime() < deadline && operations.incrementAndGet() <= MAX_OPERATIONS) {
                    long id = worker * 1_000_000L + seq++;
                    transaction(engine, id, worker, acknowledged, rolledBack, ambiguous, foreign, errors);
                }
            }));
        }
        Future<?> injector = pool.submit(() -> {
            while (!stop.get() && System.nanoTime() < deadline) {
                sleep(ThreadLocalRandom.current().nextInt(150, 400));
                faults.incrementAndGet();
                int pick = ThreadLocalRandom.current().nextInt(100);
                try {
                    if (pick < 40) {
                        proxy.cut();
                    } else if (pick < 80) {
                        kill.inject();
                    } else {
                        proxy.blackHole();
                        sleep(ThreadLocalRandom.current().nextInt(300, 1_500));
                        proxy.heal();
                    }
                } catch (Exception e) {
                    proxy.heal(); // the fault could not be injected (the server was restarting): go on
                }
            }
        });
        try {
            for (Future<?> f : workers) {
                f.get(maxMillis + 30_000, TimeUnit.MILLISECONDS);
            }
        } finally {
            stop.set(true);
            injector.get(30, TimeUnit.SECONDS);
            pool.shutdown();
            proxy.heal();
        }

        Set<Long> present = new HashSet<>();
        try (java.sql.Connection c = direct.open(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT id FROM " + TABLE)) {
            while (rs.next()) {
                present.add(rs.getLong(1));
            }
        }
        Set<Long> lost = new HashSet<>(acknowledged);
        lost.removeAll(present);
        Set<Long> resurrected = new HashSet<>(rolledBack);
        resurrected.retainAll(present);
        System.out.printf("soak[%s]: operations=%d faults=%d acknowledged=%d ambiguous=%d rolledBack=%d errors=%d "
                + "lost=%d resurrected=%d%n", name, Math.min(operations.get(), MAX_OPERATIONS), faults.get(),
                acknowledged.size(), ambiguous.size(), rolledBack.size(), errors.get(), lost.size(),
                resurrected.size());

        assertThat(foreign).as("exceptions that are not dev.retort.engine.exc types").isEmpty();
        assertThat(lost).as("acknowledged commits missing").isEmpty();
        assertThat(resurrected).as("rolled-back rows present").isEmpty();
        assertThat(acknowledged).as("the soak did work").hasSizeGreaterThan(100);
        assertThat(faults.get()).isGreaterThan(10);
        assertThat(engine.pool().checkedOut()).isZero();
        try (java.sql.Connection c = direct.open(); var st = c.createStatement();
                var rs = st.executeQuery(idleInTransactionQuery.get())) {
            rs.next();
            assertThat(rs.getInt(1)).as("sessions idle in transaction").isZero();
        }
        engine.useTransaction(c -> c.execute(INSERT, Map.of("id", -1L, "worker", -1)));
        assertThat(((Number) engine.scalar(READ, Map.of("worker", -1))).intValue()).isEqualTo(1);
    }

    /** One transaction: insert, sometimes read, then commit (or, one time in five, roll back). */
    private static void transaction(Engine engine, long id, int worker, Set<Long> acknowledged, Set<Long> rolledBack,
            Set<Long> ambiguous, List<Throwable> foreign, AtomicInteger errors) {
        boolean commitSent = false;
        try (Connection c = engine.connect()) {
            c.execute(INSERT, Map.of("id", id, "worker", worker));
            if (id % 3 == 0) {
                c.scalar(READ, Map.of("worker", worker));
            }
            if (id % 5 == 0) {
                c.rollback();
                rolledBack.add(id);
                return;
            }
            commitSent = true;
            c.commit();
            acknowledged.add(id);
        } catch (RuntimeException e) {
            errors.incrementAndGet();
            if (!(e instanceof EngineException)) {
                foreign.add(e);
            }
            (commitSent ? ambiguous : rolledBack).add(id);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
