package dev.retort.engine.spring.transaction;

import dev.retort.engine.spi.ExternalTransaction;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.ResourceHolderSupport;

/**
 * A Spring transaction as the engine sees it from a branch connection: rollback-only and the deadline live on the
 * bound resource holder, which is exactly what Spring's transaction managers consult at commit (a holder marked
 * rollback-only makes the outer commit raise {@code UnexpectedRollbackException}). A JPA transaction the engine joined
 * through its JDBC connection is marked on its {@code EntityTransaction} too, which is what
 * {@code JpaTransactionManager} consults.
 */
final class SpringExternalTransaction implements ExternalTransaction {

    private final ResourceHolderSupport holder;
    private final @Nullable DataSource jpaDataSource;

    /** The transaction of {@code holder}; {@code jpaDataSource}: the key a JPA transaction may be joined under. */
    SpringExternalTransaction(ResourceHolderSupport holder, @Nullable DataSource jpaDataSource) {
        this.holder = holder;
        this.jpaDataSource = jpaDataSource;
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
        if (jpaDataSource != null) {
            JpaTransactions.setRollbackOnly(jpaDataSource);
        }
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
