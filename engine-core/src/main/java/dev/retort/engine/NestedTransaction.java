package dev.retort.engine;

import dev.retort.engine.exc.InvalidRequestException;
import java.sql.Savepoint;
import org.jspecify.annotations.Nullable;

/**
 * A savepoint, SQLAlchemy's {@code NestedTransaction}, from {@link Connection#beginNested()}. {@link #commit()}
 * releases it, {@link #rollback()} rolls back to it and leaves the enclosing transaction usable. Savepoints form a
 * stack: ending one ends every savepoint opened after it.
 */
public final class NestedTransaction extends Transaction {

    private final String name;
    /** The savepoint open when this one began, or {@code null}. */
    final @Nullable NestedTransaction previous;
    /** How many savepoints were open below this one (including those of the connection a branch came from). */
    final int depth;
    @Nullable Savepoint savepoint;

    NestedTransaction(Connection connection, String name, @Nullable NestedTransaction previous, int depth) {
        super(connection, false);
        this.name = name;
        this.previous = previous;
        this.depth = depth;
    }

    /** Releases the savepoint ({@code RELEASE SAVEPOINT}). */
    @Override
    public void commit() {
        if (!attached) {
            throw new InvalidRequestException("This nested transaction is inactive");
        }
        if (connection.isInvalidated()) {
            throw connection.pendingRollback();
        }
        try {
            connection.releaseSavepointImpl(this);
        } finally {
            connection.savepointEnded(this);
        }
    }

    /**
     * Rolls back to the savepoint ({@code ROLLBACK TO SAVEPOINT}); the enclosing transaction stays active, and a
     * failure the database aborted the transaction for since the savepoint no longer stops its commit.
     */
    @Override
    public void rollback() {
        if (!attached) {
            Engine.LOG.warn("nested transaction already deassociated from connection");
            return;
        }
        try {
            if (connection.rollbackToSavepointImpl(this)) {
                connection.abortUndone(depth);
            }
        } finally {
            connection.savepointEnded(this);
        }
    }

    /** The savepoint's name, {@code sa_savepoint_N}. */
    public String savepointName() {
        return name;
    }
}
