package dev.retort.engine.internal;

import java.lang.ref.Cleaner;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opt-in report of connections that were garbage-collected without {@code close()}, with the stack trace of where
 * they were opened (like HikariCP's leak detection). The leaked JDBC connection is discarded from the pool when that
 * happens, so the leak does not starve the pool.
 */
public final class LeakDetector {

    private static final Logger LOG = LoggerFactory.getLogger("dev.retort.engine.leak");
    private static final Cleaner CLEANER = Cleaner.create();

    private LeakDetector() {
    }

    /** Tracks one connection; call {@link Tracked#closed()} when it is closed properly. */
    public static Tracked track(Object owner, String what) {
        Tracked tracked = new Tracked(new Throwable(what + " opened here"));
        tracked.cleanable = CLEANER.register(owner, tracked);
        return tracked;
    }

    /** The state the cleaner sees; it must not reference the tracked object. */
    public static final class Tracked implements Runnable {
        private final Throwable origin;
        private volatile boolean closed;
        private volatile @Nullable ManagedPool pool;
        private volatile java.sql.@Nullable Connection current;
        private Cleaner.@Nullable Cleanable cleanable;

        Tracked(Throwable origin) {
            this.origin = origin;
        }

        /** If the owner leaks, its current JDBC connection is discarded from this pool. */
        public void onLeak(@Nullable ManagedPool pool, java.sql.@Nullable Connection current) {
            this.pool = pool;
            this.current = current;
        }

        /** The owner's JDBC connection changed (reconnect) or went back to the pool ({@code null}). */
        public void current(java.sql.@Nullable Connection connection) {
            this.current = connection;
        }

        /** The owner was closed properly. */
        public void closed() {
            closed = true;
            if (cleanable != null) {
                cleanable.clean();
            }
        }

        @Override
        public void run() {
            if (closed) {
                return;
            }
            LOG.warn("A Connection was garbage-collected without close(); use try-with-resources", origin);
            ManagedPool p = pool;
            java.sql.Connection c = current;
            current = null;
            if (p != null && c != null) {
                p.invalidate(c, null);
            }
        }
    }
}
