package dev.retort.engine;

import dev.retort.engine.exc.InvalidRequestException;

/**
 * A two-phase (XA-style) transaction from {@link Connection#beginTwoPhase(String)}: {@link #prepare()} is phase one,
 * {@link #commit()} phase two. Once prepared it takes no more statements. A transaction prepared and then abandoned
 * (process crash, connection lost) is listed by {@link Connection#recoverTwoPhase()} and finished with
 * {@link Connection#commitPrepared(String)} or {@link Connection#rollbackPrepared(String)}.
 */
public final class TwoPhaseTransaction extends Transaction {

    private final String xid;
    boolean prepared;

    TwoPhaseTransaction(Connection connection, String xid) {
        super(connection, false);
        this.xid = xid;
    }

    @Override
    void beginImpl() {
        connection.beginTwoPhaseImpl(this);
    }

    /**
     * Prepares the transaction (phase one).
     *
     * @throws InvalidRequestException when the transaction has ended or is already prepared
     */
    public void prepare() {
        if (!isActive()) {
            throw new InvalidRequestException("This transaction is inactive");
        }
        if (connection.isInvalidated()) {
            throw connection.pendingRollback();
        }
        if (prepared) {
            throw new InvalidRequestException("Two-phase transaction " + xid + " is already prepared; call commit() "
                    + "or rollback() to finish it");
        }
        connection.prepareTwoPhaseImpl(this);
        prepared = true;
    }

    @Override
    void commitImpl() {
        connection.commitTwoPhaseImpl(this);
    }

    @Override
    void rollbackImpl() {
        connection.rollbackTwoPhaseImpl(this);
    }

    /** Refuses statements once prepared: they would run outside the prepared transaction. */
    @Override
    void checkAcceptsStatements() {
        if (prepared) {
            throw new InvalidRequestException("This connection's two-phase transaction " + xid + " is prepared: no "
                    + "more statements can run in it. Call commit() or rollback() to finish it first");
        }
    }

    /** The transaction id. */
    public String xid() {
        return xid;
    }

    /** Whether {@link #prepare()} succeeded. */
    public boolean isPrepared() {
        return prepared;
    }
}
