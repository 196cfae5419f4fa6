package dev.retort.engine;

/**
 * A two-phase (XA-style) transaction from {@link Connection#beginTwoPhase(String)}: {@link #prepare()} is phase one,
 * {@link #commit()} phase two. A transaction prepared and then abandoned (process crash, connection lost) is listed by
 * {@link Connection#recoverTwoPhase()} and finished with {@link Connection#commitPrepared(String)} or
 * {@link Connection#rollbackPrepared(String)}.
 */
public final class TwoPhaseTransaction extends Transaction {

    private final String xid;
    boolean prepared;

    TwoPhaseTransaction(Connection connection, String xid) {
        super(connection, false);
        this.xid = xid;
    }

    /** Prepares the transaction (phase one). */
    public void prepare() {
        connection.prepareTwoPhase(this);
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
