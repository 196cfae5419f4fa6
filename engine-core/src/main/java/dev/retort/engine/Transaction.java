package dev.retort.engine;

import org.jspecify.annotations.Nullable;

/**
 * A root transaction, SQLAlchemy's {@code RootTransaction}: from {@link Connection#begin()}, {@link Engine#begin()}
 * or autobegin. {@link #close()} rolls back if still active, so try-with-resources without {@code commit()} rolls
 * back. Once it has ended it is detached from its connection: ending it again raises
 * {@link dev.retort.engine.exc.InvalidRequestException} ({@code commit}) or only logs a warning
 * ({@code rollback}).
 */
public class Transaction implements AutoCloseable {

    final Connection connection;
    final boolean autobegun;
    boolean active = true;
    boolean attached = true;
    /** Why only rollback() is left: the exception of a failed commit, or {@code null}. */
    @Nullable RuntimeException commitFailure;
    /** The failure after which the database aborted this transaction (PostgreSQL), or {@code null}. */
    @Nullable RuntimeException abortedBy;
    /** How many savepoints were open when {@link #abortedBy} failed; rolling back to one opened before clears it. */
    int abortedAtDepth;

    Transaction(Connection connection, boolean autobegun) {
        this.connection = connection;
        this.autobegun = autobegun;
    }

    /** Commits; the connection has no transaction afterwards until the next statement autobegins one. */
    public void commit() {
        connection.commitRoot(this);
    }

    /** Rolls back, cancelling every open savepoint. */
    public void rollback() {
        connection.rollbackRoot(this);
    }

    /** Rolls back if the transaction is still attached to its connection; otherwise does nothing. */
    @Override
    public void close() {
        if (attached) {
            rollback();
        }
    }

    /** Whether the transaction has not ended (and its commit has not failed). */
    public boolean isActive() {
        return active && attached;
    }

    /** Whether the transaction is active and its connection has not been invalidated. */
    public boolean isValid() {
        return isActive() && !connection.isInvalidated();
    }

    /** The connection the transaction belongs to. */
    public Connection connection() {
        return connection;
    }

    String kind() {
        return "transaction";
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[active=" + isActive() + "]";
    }
}
