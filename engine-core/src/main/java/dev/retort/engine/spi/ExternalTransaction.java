package dev.retort.engine.spi;

/**
 * A transaction owned by something other than the engine (a Spring transaction manager). A branch connection
 * joined to it refuses {@code commit()}/{@code rollback()} and turns a sub-transaction rollback into
 * {@link #setRollbackOnly()}.
 */
public interface ExternalTransaction {

    /** Who owns the transaction, for error messages (e.g. {@code "Spring"}). */
    String owner();

    /** Whether the transaction can now only roll back. */
    boolean isRollbackOnly();

    /** Marks the transaction rollback-only. */
    void setRollbackOnly();

    /**
     * The query timeout for the next statement, in whole seconds, from the owner's remaining deadline; 0 means no
     * limit. Called once per statement, so a deadline shrinks as the transaction runs; implementations may throw
     * (e.g. Spring's {@code TransactionTimedOutException}) when the deadline has already passed. A statement's own
     * {@code timeout} execution option still applies when it is shorter.
     */
    default int statementTimeoutSeconds() {
        return 0;
    }
}
