package dev.retort.engine;

import java.sql.Savepoint;
import org.jspecify.annotations.Nullable;

/**
 * A savepoint, SQLAlchemy's {@code NestedTransaction}, from {@link Connection#beginNested()}. {@link #commit()}
 * releases it, {@link #rollback()} rolls back to it and leaves the enclosing transaction usable. Savepoints form a
 * stack: ending one ends every savepoint opened after it.
 */
public final class NestedTransaction extends Transaction {

    private final String name;
    @Nullable Savepoint savepoint;

    NestedTransaction(Connection connection, String name) {
        super(connection, false);
        this.name = name;
    }

    /** Releases the savepoint ({@code RELEASE SAVEPOINT}). */
    @Override
    public void commit() {
        connection.releaseSavepoint(this);
    }

    /** Rolls back to the savepoint ({@code ROLLBACK TO SAVEPOINT}); the enclosing transaction stays active. */
    @Override
    public void rollback() {
        connection.rollbackSavepoint(this);
    }

    /** The savepoint's name, {@code sa_savepoint_N}. */
    public String savepointName() {
        return name;
    }

    @Override
    String kind() {
        return "nested transaction";
    }
}
