package dev.retort.engine.event;

import java.sql.Connection;
import org.jspecify.annotations.Nullable;

/**
 * SQLAlchemy's {@code PoolEvents}. {@code dbapi} is the physical JDBC connection (unwrapped from the pool's proxy);
 * {@link ConnectionRecord#info()} lives as long as it does. Every method is a no-op by default.
 */
public interface PoolListener {

    /** A new physical connection was seen for the first time. */
    default void connect(Connection dbapi, ConnectionRecord record) {
    }

    /** The first physical connection of this pool instance (fires again after {@code dispose()}). */
    default void firstConnect(Connection dbapi, ConnectionRecord record) {
    }

    /** A connection was checked out of the pool. */
    default void checkout(Connection dbapi, ConnectionRecord record) {
    }

    /**
     * How long the checkout that just happened waited for the pool (for a checkout timer). Fires after
     * {@link #checkout}; only measured when a pool listener is registered.
     */
    default void checkoutWait(Connection dbapi, java.time.Duration wait) {
    }

    /** A connection went back to the pool. */
    default void checkin(Connection dbapi, ConnectionRecord record) {
    }

    /** A connection is about to be reset (rolled back) on its way back to the pool. */
    default void reset(Connection dbapi, ConnectionRecord record) {
    }

    /** A connection is being invalidated (closed and discarded). */
    default void invalidate(Connection dbapi, ConnectionRecord record, @Nullable Throwable cause) {
    }

    /** A connection was soft-invalidated: it is replaced when next returned to the pool. */
    default void softInvalidate(Connection dbapi, ConnectionRecord record, @Nullable Throwable cause) {
    }

    /** The pool is closing a connection. */
    default void close(Connection dbapi, ConnectionRecord record) {
    }

    /** A connection was detached from the pool. */
    default void detach(Connection dbapi, ConnectionRecord record) {
    }

    /** A detached connection was closed. */
    default void closeDetached(Connection dbapi) {
    }
}
