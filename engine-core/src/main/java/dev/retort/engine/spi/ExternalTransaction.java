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
}
