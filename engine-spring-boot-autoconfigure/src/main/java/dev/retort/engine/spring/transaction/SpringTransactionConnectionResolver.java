package dev.retort.engine.spring.transaction;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.spi.ContextualConnectionResolver;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes {@code engine.connect()} join the Spring transaction bound to the current thread for the engine's
 * {@code DataSource}. Registered with {@link java.util.ServiceLoader}, so it works with or without Spring Boot.
 *
 * <ul>
 * <li>A transaction of {@link EngineTransactionManager}: a branch of the transaction's engine connection.</li>
 * <li>A transaction of {@code DataSourceTransactionManager}, {@code JdbcTransactionManager} or
 * {@code JpaTransactionManager} (a {@link ConnectionHolder} bound under the same {@code DataSource}, synchronized
 * with the transaction or holding its connection, while a transaction is active): the engine adopts that JDBC
 * connection, as {@code JdbcTemplate} does.</li>
 * <li>Otherwise {@code null}: the engine checks out its own connection.</li>
 * </ul>
 * In both joined cases a sub-transaction rollback marks the holder (and a JPA transaction's {@code EntityTransaction})
 * rollback-only, so Spring's commit raises {@code UnexpectedRollbackException}.
 */
public final class SpringTransactionConnectionResolver implements ContextualConnectionResolver {

    /** Creates the resolver; {@link java.util.ServiceLoader} calls this. */
    public SpringTransactionConnectionResolver() {
    }

    @Override
    public @Nullable Connection resolve(Engine engine) {
        DataSource key = resourceKey(engine.dataSource());
        Object resource = TransactionSynchronizationManager.getResource(key);
        if (resource instanceof EngineConnectionHolder holder) {
            if (!holder.isTransactionActive()) {
                return null;
            }
            Connection owner = holder.engineConnection();
            SpringExternalTransaction tx = new SpringExternalTransaction(holder, null);
            // An option engine (engine.executionOptions(..)) or a second engine over the same DataSource joins with
            // its own options and listeners; the transaction's own engine shares savepoint names and info().
            return owner.engine() == engine ? owner.branch(tx) : engine.adopt(holder.getConnection(), tx);
        }
        // JpaTransactionManager binds its holder with the connection but never marks it synchronized; Spring's
        // DataSourceUtils joins either kind the same way
        if (resource instanceof ConnectionHolder holder
                && (holder.isSynchronizedWithTransaction() || holder.getConnectionHandle() != null)
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            return engine.adopt(holder.getConnection(), new SpringExternalTransaction(holder, key));
        }
        return null;
    }

    /** Whether the thread runs a read-only Spring transaction (so an engine with replicas reads from one). */
    @Override
    public boolean isReadOnly(Engine engine) {
        return TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }

    /**
     * The key Spring binds a {@code DataSource}'s transaction under: the target of a
     * {@link TransactionAwareDataSourceProxy}, as {@code DataSourceTransactionManager} does.
     */
    static DataSource resourceKey(DataSource dataSource) {
        return dataSource instanceof TransactionAwareDataSourceProxy proxy && proxy.getTargetDataSource() != null
                ? proxy.getTargetDataSource()
                : dataSource;
    }
}
