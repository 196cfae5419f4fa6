package dev.retort.engine;

import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.spi.ExternalTransaction;

/**
 * The transaction {@code begin()} returns on a branch connection: the real transaction belongs to someone else
 * (Spring), so {@code commit()} does nothing and {@code rollback()} marks the owner's transaction rollback-only.
 */
final class JoinedTransaction extends Transaction {

    private final ExternalTransaction owner;

    JoinedTransaction(Connection connection, ExternalTransaction owner) {
        super(connection, false);
        this.owner = owner;
    }

    @Override
    public void commit() {
        if (!attached) {
            throw new InvalidRequestException("This transaction is inactive");
        }
        active = false;
        attached = false;
    }

    @Override
    public void rollback() {
        if (!attached) {
            return;
        }
        owner.setRollbackOnly();
        active = false;
        attached = false;
    }
}
