package dev.retort.engine;

import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.exc.PendingRollbackException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A root transaction, SQLAlchemy's {@code RootTransaction}: from {@link Connection#begin()}, {@link Engine#begin()}
 * or autobegin. {@link #close()} rolls back if still active, so try-with-resources without {@code commit()} rolls
 * back. Once it has ended it is detached from its connection: ending it again raises
 * {@link InvalidRequestException} ({@code commit}) or only logs a warning ({@code rollback}).
 *
 * <p>The rules of a transaction's life live here (as in SQLAlchemy's {@code RootTransaction._do_commit} and
 * {@code _close_impl}); the connection supplies the primitives that fire events and talk to the driver.
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
    private @Nullable Map<String, Object> attributes;

    Transaction(Connection connection, boolean autobegun) {
        this.connection = connection;
        this.autobegun = autobegun;
    }

    /** Tells the driver the transaction begins (a JDBC transaction begins implicitly). */
    void beginImpl() {
        connection.beginImpl(this);
    }

    /**
     * Commits; the connection has no transaction afterwards until the next statement autobegins one.
     *
     * @throws PendingRollbackException when nothing can be committed: the connection was invalidated, an earlier
     *         commit failed, or the database aborted the transaction after a failed statement
     */
    public void commit() {
        if (!attached) {
            throw new InvalidRequestException("This transaction is inactive");
        }
        if (!active || connection.isInvalidated()) {
            active = false;
            throw connection.pendingRollback();
        }
        if (abortedBy != null) {
            active = false;
            commitFailure = new PendingRollbackException("The database rolled the transaction back when a statement "
                    + "failed, so nothing was committed: " + Connection.firstLine(abortedBy) + ". Call rollback() to "
                    + "end it; put statements that may fail in beginNested() to keep the transaction usable",
                    abortedBy);
            throw commitFailure;
        }
        try {
            commitImpl();
        } catch (RuntimeException e) {
            active = false;
            commitFailure = e;
            throw e;
        }
        end();
    }

    void commitImpl() {
        connection.commitImpl(this);
    }

    /** Raises when the transaction may not take another statement; a begun transaction always may. */
    void checkAcceptsStatements() {
    }

    /** Rolls back, cancelling every open savepoint; on an invalidated connection there is nothing left to undo. */
    public void rollback() {
        if (!attached) {
            Engine.LOG.warn("transaction already deassociated from connection");
            return;
        }
        try {
            rollbackImpl();
        } finally {
            end();
        }
    }

    /** Fires the rollback event and, unless the connection was invalidated, rolls back on the driver. */
    void rollbackImpl() {
        connection.rollbackImpl(this);
    }

    private void end() {
        active = false;
        attached = false;
        connection.rootEnded(this);
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

    /**
     * State listeners keep for this transaction while it lasts (a start time, an observation), so that they need no
     * bookkeeping of their own; the map goes away with the transaction. Not thread-safe, like the connection.
     */
    public Map<String, Object> attributes() {
        Map<String, Object> map = attributes;
        if (map == null) {
            map = new HashMap<>(4);
            attributes = map;
        }
        return map;
    }

    /** The connection the transaction belongs to. */
    public Connection connection() {
        return connection;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[active=" + isActive() + "]";
    }
}
