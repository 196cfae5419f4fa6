package dev.retort.engine.spring.transaction;

import dev.retort.engine.spi.ExternalTransaction;
import org.springframework.transaction.support.ResourceHolderSupport;

/**
 * A Spring transaction as the engine sees it from a branch connection: rollback-only and the deadline live on the
 * bound resource holder, which is exactly what Spring's transaction managers consult at commit (a holder marked
 * rollback-only makes the outer commit raise {@code UnexpectedRollbackException}).
 */
final class SpringExternalTransaction implements ExternalTransaction {

    private final ResourceHolderSupport holder;

    SpringExternalTransaction(ResourceHolderSupport holder) {
        this.holder = holder;
    }

    @Override
    public String owner() {
        return "Spring";
    }

    @Override
    public boolean isRollbackOnly() {
        return holder.isRollbackOnly();
    }

    @Override
    public void setRollbackOnly() {
        holder.setRollbackOnly();
    }

    /**
     * The seconds left before the transaction's deadline, like {@code DataSourceUtils.applyTimeout} does for
     * {@code JdbcTemplate}; past the deadline Spring marks the holder rollback-only and throws
     * {@code TransactionTimedOutException}.
     */
    @Override
    public int statementTimeoutSeconds() {
        return holder.hasTimeout() ? holder.getTimeToLiveInSeconds() : 0;
    }
}
