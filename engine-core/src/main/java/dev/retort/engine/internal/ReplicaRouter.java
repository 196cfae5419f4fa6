package dev.retort.engine.internal;

import dev.retort.engine.EngineUrl;
import dev.retort.engine.exc.OperationalException;
import dev.retort.engine.exc.PoolTimeoutException;
import dev.retort.engine.pool.Pool;
import dev.retort.engine.pool.Replica;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, once per checkout, which pool serves a connection: read-only work goes to the replicas in turn
 * (round-robin), skipping one whose last checkout failed until {@code recheck} has passed; everything else, and
 * read-only work when no replica is available and {@code fallbackToPrimary} is set, goes to the primary. Engines
 * without replicas have no router at all.
 */
public final class ReplicaRouter {

    private static final Logger LOG = LoggerFactory.getLogger("dev.retort.engine.pool");

    /**
     * A checked-out connection and the pool it has to go back to.
     *
     * @param pool the pool it came from
     * @param connection the JDBC connection
     */
    public record Checkout(ManagedPool pool, Connection connection) {
    }

    private final ManagedPool primary;
    private final List<Member> replicas;
    private final boolean fallbackToPrimary;
    private final long recheckNanos;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * Creates the router.
     *
     * @param primary the primary's pool
     * @param replicas each replica's URL (for messages and health) and pool
     * @param fallbackToPrimary whether read-only work runs on the primary when no replica is available (otherwise it
     *        fails with the last replica's error)
     * @param recheck how long a replica whose checkout failed is skipped before it is tried again
     */
    public ReplicaRouter(ManagedPool primary, List<Member> replicas, boolean fallbackToPrimary, Duration recheck) {
        this.primary = primary;
        this.replicas = List.copyOf(replicas);
        this.fallbackToPrimary = fallbackToPrimary;
        this.recheckNanos = recheck.toNanos();
    }

    /** The replicas, in configuration order. */
    public List<Member> replicas() {
        return replicas;
    }

    /** Whether {@code pool} serves read-only work (a replica's pool). */
    public boolean isReplica(@Nullable ManagedPool pool) {
        return pool != primary;
    }

    /**
     * Checks a connection out for read-only work (a replica, else the primary or a failure) or for anything else
     * (the primary).
     *
     * @throws SQLException when the primary's checkout fails, or no replica is available and falling back to the
     *         primary is off
     */
    public Checkout checkout(boolean readOnly) throws SQLException {
        if (!readOnly) {
            return new Checkout(primary, primary.checkout());
        }
        int n = replicas.size();
        int start = Math.floorMod(next.getAndIncrement(), n);
        SQLException failure = null;
        for (int i = 0; i < n; i++) {
            Member replica = replicas.get((start + i) % n);
            if (!replica.claim(recheckNanos)) {
                continue;
            }
            try {
                Connection c = replica.pool.checkout();
                replica.up();
                return new Checkout(replica.pool, c);
            } catch (PoolTimeoutException timeout) {
                if (replica.pool.checkedOut() >= replica.pool.maxSize()) {
                    throw timeout; // every connection busy: the replica is up, the pool is too small
                }
                // no connection could be opened in time: the server is down or unreachable
                failure = new SQLException("No connection to replica " + replica.url + " within the pool timeout ("
                        + rootMessage(timeout) + ")", "08001", timeout);
                replica.down(failure, recheckNanos);
            } catch (OperationalException e) {
                // the pool could not open a connection (ManagedPool's connect failure): the replica is down
                replica.down(e.orig(), recheckNanos);
                failure = e.orig();
            } catch (SQLException e) {
                replica.down(e, recheckNanos);
                failure = e;
            }
        }
        if (!fallbackToPrimary) {
            String why = failure != null ? failure.getMessage() : "every replica failed its last checkout";
            throw new SQLException("No replica is available for read-only work (" + why + "); the engine is set to "
                    + "fail instead of using the primary (replicaFallback FAIL). Bring a replica back, or allow "
                    + "falling back to the primary (replicaFallback PRIMARY)", "08001", failure);
        }
        return new Checkout(primary, primary.checkout());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (int i = 0; i < 8 && root.getCause() != null; i++) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** Disposes every replica's pool. */
    public void dispose() {
        for (Member r : replicas) {
            r.pool.dispose();
        }
    }

    /** Closes every replica's pool for good. */
    public void shutdown() {
        for (Member r : replicas) {
            r.pool.shutdown();
        }
    }

    /** One replica: its URL, pool and the router's view of whether it is up. */
    public static final class Member implements Replica {

        private final EngineUrl url;
        private final ManagedPool pool;
        /** {@link System#nanoTime()} until which the replica is skipped; 0 when it is up. */
        private final AtomicLong downUntil = new AtomicLong();
        private volatile @Nullable String lastError;

        /**
         * Creates a member.
         *
         * @param url the replica's URL
         * @param pool its pool
         */
        public Member(EngineUrl url, ManagedPool pool) {
            this.url = url;
            this.pool = pool;
        }

        /** Whether to try this replica now: it is up, or its recheck time has come (then this caller probes it). */
        boolean claim(long recheckNanos) {
            long until = downUntil.get();
            if (until == 0) {
                return true;
            }
            long now = System.nanoTime();
            return now - until >= 0 && downUntil.compareAndSet(until, now + recheckNanos);
        }

        void up() {
            if (downUntil.getAndSet(0) != 0) {
                LOG.info("Replica {} is available again", url);
                lastError = null;
            }
        }

        void down(SQLException e, long recheckNanos) {
            String message = EngineUrl.mask(String.valueOf(e.getMessage()));
            String password = url.password();
            lastError = password != null && !password.isEmpty() ? message.replace(password, "***") : message;
            downUntil.set(System.nanoTime() + recheckNanos);
            LOG.warn("Replica {} is unavailable, skipping it for read-only work: {}", url, lastError);
        }

        @Override
        public EngineUrl url() {
            return url;
        }

        @Override
        public Pool pool() {
            return pool;
        }

        @Override
        public boolean isAvailable() {
            return downUntil.get() == 0;
        }

        @Override
        public @Nullable String lastError() {
            return lastError;
        }

        @Override
        public Connection rawConnection() throws SQLException {
            return pool.dataSource().getConnection();
        }

        /** The replica's pool, for the engine. */
        public ManagedPool managedPool() {
            return pool;
        }

        @Override
        public String toString() {
            return "Replica(" + url + ", " + (isAvailable() ? "available" : "unavailable") + ")";
        }
    }
}
