package dev.retort.engine.internal;

import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.event.ConnectionRecord;
import dev.retort.engine.event.PoolListener;
import dev.retort.engine.EngineUrl;
import dev.retort.engine.exc.DisconnectionException;
import dev.retort.engine.exc.OperationalException;
import dev.retort.engine.exc.PoolTimeoutException;
import dev.retort.engine.pool.Pool;
import dev.retort.engine.pool.PoolSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine side of a pool: check-out and check-in around the underlying {@link DataSource}, pool events,
 * pre-ping, recycle and invalidation. Subclasses say how physical connections are obtained and discarded.
 */
public abstract class ManagedPool implements Pool {

    private static final Logger LOG = LoggerFactory.getLogger("dev.retort.engine.pool");
    private static final PoolListener[] NO_LISTENERS = new PoolListener[0];
    private static final int MAX_CHECKOUT_ATTEMPTS = 3;
    private static final String PRE_PING_FAILED = "pre-ping failed";

    protected final PoolSettings settings;
    protected final Dialect dialect;
    private final String target;
    /** Per physical connection (weak: a pool may close one without telling the engine). */
    private final Map<Connection, Tracked> records = Collections.synchronizedMap(new WeakHashMap<>());
    private final AtomicInteger checkedOut = new AtomicInteger();
    /** Pool proxy to physical connection, for checked-out connections only; lock-free on the checkout path. */
    private final Map<Connection, Connection> physicals = new ConcurrentHashMap<>();
    private volatile PoolListener[] listeners = NO_LISTENERS;
    private final AtomicBoolean firstConnectDone = new AtomicBoolean();

    /** A physical connection's record and whether its one {@code softInvalidate} event has fired. */
    private static final class Tracked {
        final ConnectionRecord record;
        boolean softInvalidated;

        Tracked(ConnectionRecord record) {
            this.record = record;
        }
    }

    /**
     * @param settings the validated pool settings
     * @param dialect the dialect (for pre-ping)
     * @param target what the pool connects to, for messages: a URL with its password masked
     */
    protected ManagedPool(PoolSettings settings, Dialect dialect, String target) {
        this.settings = settings;
        this.dialect = dialect;
        this.target = EngineUrl.mask(target);
    }

    /**
     * Obtains a connection from the underlying source, waiting at most {@code timeoutMillis} for a free one (a
     * source that cannot be told a timeout uses its own, which the engine set to {@code poolTimeout}).
     */
    protected abstract Connection acquire(long timeoutMillis) throws SQLException;

    /** Returns a healthy connection to the underlying source. */
    protected abstract void release(Connection connection) throws SQLException;

    /** Closes a connection for good and removes it from the pool. */
    protected abstract void evict(Connection connection);

    /** Marks every pooled connection to be replaced (idle ones now, busy ones when returned). */
    protected abstract void evictAll();

    /** Closes the pool for good (idle and, as they return, busy connections). */
    protected abstract void closeSource();

    /**
     * What {@link #dispose()} does to the underlying pool: by default replace every connection (idle ones now, busy
     * ones when they come back) without disturbing connections other threads are using.
     */
    protected void disposeSource() {
        evictAll();
    }

    /** A {@link DataSource} with a stable identity over the pool (for frameworks such as Spring). */
    public abstract DataSource dataSource();

    /** Adds a listener. */
    public synchronized void addListener(PoolListener listener) {
        PoolListener[] copy = Arrays.copyOf(listeners, listeners.length + 1);
        copy[copy.length - 1] = listener;
        listeners = copy;
    }

    /** Removes a listener. */
    public synchronized void removeListener(PoolListener listener) {
        List<PoolListener> list = new ArrayList<>(Arrays.asList(listeners));
        list.remove(listener);
        listeners = list.toArray(NO_LISTENERS);
    }

    /**
     * Checks a connection out: pre-ping and recycle replace stale connections without the caller seeing an error.
     * The whole checkout, replacements included, is bounded by {@code poolTimeout}; only the liveness check of the
     * last connection may run past it, by at most one ping (the driver's one-second granularity).
     *
     * @throws PoolTimeoutException when every connection stayed checked out for {@code poolTimeout}
     * @throws OperationalException when no connection could be opened: the driver's reason comes first
     */
    public final Connection checkout() throws SQLException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        for (int attempt = 1;; attempt++) {
            PoolListener[] ls = listeners;
            long start = System.nanoTime();
            Connection connection = acquireOrTimeout(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - start)));
            long waited = ls.length > 0 ? System.nanoTime() - start : 0L;
            checkedOut.incrementAndGet();
            String stale;
            try {
                boolean needRecord = ls.length > 0 || settings.recycle() != null;
                ConnectionRecord record = needRecord ? record(connection, ls) : null;
                stale = null;
                if (settings.recycle() != null && record != null
                        && record.connectedAt().plus(settings.recycle()).isBefore(Instant.now())) {
                    stale = "older than poolRecycle " + settings.recycle();
                } else if (settings.prePing() && !dialect.ping(connection, pingSeconds(deadline))) {
                    stale = PRE_PING_FAILED;
                }
                if (stale == null) {
                    if (ls.length > 0) {
                        fireCheckout(ls, connection, record, waited);
                    }
                    return connection;
                }
            } catch (DisconnectionException e) {
                // a listener says the connection is dead (SQLAlchemy's checkout protocol): replace it
                invalidate(connection, e);
                if (attempt >= MAX_CHECKOUT_ATTEMPTS || System.nanoTime() >= deadline) {
                    throw e;
                }
                continue;
            } catch (RuntimeException | Error e) {
                // never lose the slot: a failing listener gives the connection back (and connect fires again)
                invalidate(connection, e);
                throw e;
            }
            invalidate(connection, null);
            if (PRE_PING_FAILED.equals(stale)) {
                // SQLAlchemy: a disconnect found at checkout invalidates every connection pooled before it
                softInvalidateAll(null);
            }
            if (attempt >= MAX_CHECKOUT_ATTEMPTS || System.nanoTime() >= deadline) {
                throw new OperationalException(null, null, false, new SQLException("No usable connection to "
                        + target + " within poolTimeout " + settings.timeout().toMillis() + " ms (" + attempt
                        + " tried, the last " + stale + "); the database may be unreachable. Check the server and "
                        + "the network, or raise poolTimeout", "08001"), false);
            }
            LOG.info("Replacing pooled connection: {}", stale);
        }
    }

    /** The pre-ping's timeout: what is left of the checkout's deadline, rounded up to JDBC's whole seconds. */
    private static int pingSeconds(long deadline) {
        long left = deadline - System.nanoTime();
        return (int) Math.max(1, (TimeUnit.NANOSECONDS.toMillis(left) + 999) / 1000);
    }

    private void fireCheckout(PoolListener[] ls, Connection connection, @Nullable ConnectionRecord record,
            long waited) {
        Connection dbapi = physical(connection);
        for (PoolListener l : ls) {
            l.checkout(dbapi, record);
        }
        Duration wait = Duration.ofNanos(waited);
        for (PoolListener l : ls) {
            l.checkoutWait(dbapi, wait);
        }
    }

    /**
     * Acquires within {@code timeoutMillis}, telling apart an exhausted pool ({@link PoolTimeoutException}) from a
     * database that cannot be reached or refuses the login ({@link OperationalException} with the driver's reason
     * first, nothing invalidated).
     */
    private Connection acquireOrTimeout(long timeoutMillis) {
        try {
            return acquire(timeoutMillis);
        } catch (java.sql.SQLTransientConnectionException e) {
            if (checkedOut() >= maxSize()) {
                throw new PoolTimeoutException("Pool limit of size " + settings.poolSize() + " overflow "
                        + settings.maxOverflow() + " reached: " + checkedOut() + " connections checked out, "
                        + "none became free within poolTimeout " + settings.timeout().toMillis() + " ms. Close "
                        + "connections and results sooner (try-with-resources), or raise poolSize/maxOverflow "
                        + "(retort.engine.pool.size / max-overflow) or poolTimeout", e);
            }
            throw connectFailure(e.getCause() != null ? e.getCause() : e); // not exhausted: nothing answered
        } catch (SQLException e) {
            throw connectFailure(e);
        }
    }

    private OperationalException connectFailure(Throwable reason) {
        String state = reason instanceof SQLException s && s.getSQLState() != null ? s.getSQLState() : "08001";
        String text = EngineUrl.mask(String.valueOf(reason.getMessage()));
        boolean login = state.startsWith("28");
        SQLException orig = new SQLException(text + "\n(Could not open a connection to " + target + ". "
                + (login ? "Check the user name and password." : "Check that the server runs and that host and "
                + "port are right; connectTimeout/socketTimeout driver properties bound how long this takes.")
                + ")", state, reason);
        return new OperationalException(null, null, false, orig, false);
    }

    /** Returns a connection to the pool (after the engine reset its transaction). */
    public final void checkin(Connection connection) {
        PoolListener[] ls = listeners;
        if (ls.length > 0) {
            Connection dbapi = physical(connection);
            ConnectionRecord record = record(connection, ls);
            for (PoolListener l : ls) {
                l.reset(dbapi, record);
            }
            for (PoolListener l : ls) {
                l.checkin(dbapi, record);
            }
        }
        checkedOut.decrementAndGet();
        physicals.remove(connection);
        try {
            resetState(connection);
            if (isOverflow()) {
                evict(connection); // SQLAlchemy's QueuePool: overflow connections do not stay idle
                return;
            }
            release(connection);
        } catch (SQLException e) {
            LOG.warn("Error returning connection to the pool; discarding it", e);
            evict(connection);
        }
    }

    /**
     * Restores autocommit, isolation level and read-only to the pool's defaults before a connection goes back. By
     * default nothing: HikariCP tracks what was changed through its proxy and resets it itself.
     */
    protected void resetState(Connection connection) throws SQLException {
    }

    /** Whether a connection coming back is one too many to keep ({@code poolSize} are idle already). */
    protected boolean isOverflow() {
        return false;
    }

    /** Closes and discards a checked-out connection. */
    public final void invalidate(Connection connection, @Nullable Throwable cause) {
        PoolListener[] ls = listeners;
        Connection dbapi = ls.length > 0 ? physical(connection) : connection;
        ConnectionRecord record = ls.length > 0 ? record(connection, ls) : null;
        for (PoolListener l : ls) {
            l.invalidate(dbapi, record, cause);
        }
        for (PoolListener l : ls) {
            l.close(dbapi, record);
        }
        records.remove(dbapi);
        physicals.remove(connection);
        checkedOut.decrementAndGet();
        evict(connection);
    }

    /** After a disconnect: every other pooled connection is replaced (soft invalidation). */
    public final void softInvalidateAll(@Nullable Throwable cause) {
        PoolListener[] ls = listeners;
        if (ls.length > 0) {
            List<Map.Entry<Connection, Tracked>> fresh = new ArrayList<>();
            synchronized (records) {
                for (Map.Entry<Connection, Tracked> e : records.entrySet()) {
                    if (!e.getValue().softInvalidated) {
                        e.getValue().softInvalidated = true; // one event per physical connection
                        fresh.add(e);
                    }
                }
            }
            for (Map.Entry<Connection, Tracked> e : fresh) {
                for (PoolListener l : ls) {
                    l.softInvalidate(e.getKey(), e.getValue().record, cause);
                }
            }
        }
        evictAll();
    }

    /** A checked-out connection is being detached: it will be closed instead of returned. */
    public final void detach(Connection connection) {
        PoolListener[] ls = listeners;
        if (ls.length > 0) {
            Connection dbapi = physical(connection);
            ConnectionRecord record = record(connection, ls);
            for (PoolListener l : ls) {
                l.detach(dbapi, record);
            }
        }
        records.remove(physical(connection));
    }

    /** Closes a detached connection. */
    public final void closeDetached(Connection connection) {
        Connection dbapi = physical(connection);
        physicals.remove(connection);
        checkedOut.decrementAndGet();
        evict(connection);
        for (PoolListener l : listeners) {
            l.closeDetached(dbapi);
        }
    }

    /**
     * Closes idle connections and marks busy ones to be closed when returned; new connections are opened as needed
     * and {@code firstConnect} fires again. Connections other threads are using keep working.
     */
    public final void dispose() {
        PoolListener[] ls = listeners;
        List<Map.Entry<Connection, Tracked>> known;
        synchronized (records) {
            known = new ArrayList<>(records.entrySet());
            records.clear();
        }
        for (Map.Entry<Connection, Tracked> e : known) {
            for (PoolListener l : ls) {
                l.close(e.getKey(), e.getValue().record);
            }
        }
        firstConnectDone.set(false);
        disposeSource();
    }

    /** Disposes and closes the underlying pool for good ({@code Engine.close()}). */
    public final void shutdown() {
        dispose();
        closeSource();
    }

    /** The record of a checked-out connection, created (firing {@code connect}) the first time it is seen. */
    public final ConnectionRecord record(Connection connection) {
        return record(connection, listeners);
    }

    private ConnectionRecord record(Connection connection, PoolListener[] ls) {
        Connection dbapi = physical(connection);
        Tracked known = records.get(dbapi);
        if (known != null) {
            return known.record;
        }
        ConnectionRecord record = new ConnectionRecord(Instant.now());
        records.put(dbapi, new Tracked(record));
        for (PoolListener l : ls) {
            l.connect(dbapi, record);
        }
        if (firstConnectDone.compareAndSet(false, true)) {
            for (PoolListener l : ls) {
                l.firstConnect(dbapi, record);
            }
        }
        return record;
    }

    /**
     * The physical connection behind a pool proxy. Remembered per checked-out proxy, because a pool may close its
     * proxy on a fatal error before the engine invalidates it (HikariCP then swaps in a "closed" stand-in whose every
     * method throws, {@code hashCode} included) and the events must still name the physical connection.
     */
    protected Connection physical(Connection connection) {
        Connection known = physicals.get(connection);
        if (known != null) {
            return known;
        }
        try {
            if (connection.isClosed() || !connection.isWrapperFor(Connection.class)) {
                return connection;
            }
            Connection unwrapped = connection.unwrap(Connection.class);
            if (unwrapped != connection) {
                physicals.put(connection, unwrapped);
            }
            return unwrapped;
        } catch (SQLException e) {
            return connection;
        }
    }

    @Override
    public int size() {
        return settings.poolSize();
    }

    @Override
    public Duration timeout() {
        return settings.timeout();
    }

    @Override
    public @Nullable Duration recycle() {
        return settings.recycle();
    }

    @Override
    public boolean prePing() {
        return settings.prePing();
    }

    @Override
    public List<PoolListener> listeners() {
        return List.of(listeners);
    }

    @Override
    public int maxSize() {
        return settings.poolSize() + settings.maxOverflow();
    }

    @Override
    public int checkedOut() {
        return checkedOut.get();
    }

    @Override
    public int overflow() {
        return checkedIn() + checkedOut() - size();
    }

    @Override
    public String status() {
        return "Pool size: " + size() + "  Connections in pool: " + checkedIn() + " Current Overflow: " + overflow()
                + " Current Checked out connections: " + checkedOut();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + status() + "]";
    }
}
