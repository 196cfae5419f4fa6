package dev.retort.engine.spring.transaction;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.IsolationLevel;
import dev.retort.engine.NestedTransaction;
import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.exc.DBAPIException;
import dev.retort.engine.exc.EngineException;
import dev.retort.engine.exc.PendingRollbackException;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.InvalidIsolationLevelException;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.ResourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * Spring's {@code PlatformTransactionManager} for a Retort {@link Engine}: {@code @Transactional},
 * {@code TransactionTemplate} and programmatic use drive engine transactions, so engine events (and metrics) fire
 * for Spring-driven begin, commit, rollback and savepoints exactly as for programmatic ones.
 *
 * <p>Each new transaction checks an engine connection out ({@link Engine#connectDirect()}), applies the definition's
 * isolation level and read-only flag as {@code isolation_level}/{@code readonly} execution options (reset when the
 * connection returns to the pool), begins an engine transaction and binds a {@link ConnectionHolder} under the
 * engine's {@link Engine#dataSource()}. Consequently {@code JdbcTemplate}/{@code JdbcClient} over that
 * {@code DataSource} use the same JDBC connection, and {@code engine.connect()} returns a branch of the transaction's
 * connection (see {@link SpringTransactionConnectionResolver}). On an engine with replicas a read-only transaction
 * ({@code @Transactional(readOnly = true)}) runs on a replica's connection, and everything in it (engine branches,
 * {@code JdbcTemplate}) with it. A timeout becomes the holder's deadline: every engine
 * and {@code JdbcTemplate} statement gets the remaining time as its query timeout, and a statement issued after the
 * deadline raises {@code TransactionTimedOutException}.
 *
 * <p>All propagation behaviours are supported; {@code PROPAGATION_NESTED} uses the engine's
 * {@link Connection#beginNested()} (SQLAlchemy's {@code SAVEPOINT}), firing the engine's savepoint events alongside
 * Spring's {@code TransactionSynchronization.savepoint}/{@code savepointRollback} callbacks. Suspension unbinds the
 * holder and resumption rebinds it, like {@code DataSourceTransactionManager}. Being an
 * {@link AbstractPlatformTransactionManager}, it accepts {@code TransactionExecutionListener}s and Boot's
 * {@code TransactionManagerCustomizers}.
 */
public class EngineTransactionManager extends AbstractPlatformTransactionManager implements ResourceTransactionManager {

    private static final ExecutionOptions READ_ONLY = ExecutionOptions.empty().withReadOnly(true);

    private final Engine engine;
    private final DataSource resourceKey;
    private SQLExceptionTranslator exceptionTranslator = new SQLExceptionSubclassTranslator();

    /** A transaction manager for {@code engine}; nested transactions (savepoints) are allowed. */
    public EngineTransactionManager(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.resourceKey = SpringTransactionConnectionResolver.resourceKey(engine.dataSource());
        setNestedTransactionAllowed(true);
    }

    /** The engine whose transactions this manager drives. */
    public Engine getEngine() {
        return engine;
    }

    /** The engine's {@code DataSource}: the key the transaction's connection is bound under. */
    @Override
    public Object getResourceFactory() {
        return resourceKey;
    }

    /** Translates driver errors raised by commit and rollback (default: {@link SQLExceptionSubclassTranslator}). */
    public void setExceptionTranslator(SQLExceptionTranslator exceptionTranslator) {
        this.exceptionTranslator = Objects.requireNonNull(exceptionTranslator, "exceptionTranslator");
    }

    // ------------------------------------------------------------------ AbstractPlatformTransactionManager SPI

    /** Picks up the holder bound for the engine's {@code DataSource}, if any (ours or another manager's). */
    @Override
    protected Object doGetTransaction() {
        EngineTransactionObject tx = new EngineTransactionObject();
        tx.setSavepointAllowed(isNestedTransactionAllowed());
        tx.setConnectionHolder((ConnectionHolder) TransactionSynchronizationManager.getResource(resourceKey));
        return tx;
    }

    /**
     * A transaction exists when our holder is active, or when another manager ({@code DataSourceTransactionManager},
     * JPA) runs an actual transaction over the same {@code DataSource}: then we participate in it.
     */
    @Override
    protected boolean isExistingTransaction(Object transaction) {
        ConnectionHolder holder = ((EngineTransactionObject) transaction).getConnectionHolderOrNull();
        if (holder instanceof EngineConnectionHolder ours) {
            return ours.isTransactionActive();
        }
        return holder != null && holder.isSynchronizedWithTransaction()
                && TransactionSynchronizationManager.isActualTransactionActive();
    }

    /**
     * Checks out an engine connection, applies isolation level and read-only as execution options, begins the engine
     * transaction (firing {@code begin}) and binds the holder. On any failure the connection goes back to the pool.
     */
    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        EngineTransactionObject tx = (EngineTransactionObject) transaction;
        Connection connection = null;
        try {
            // read-only: checked out with readonly=true from the start, so an engine with replicas uses one
            connection = definition.isReadOnly() ? engine.connectDirect(READ_ONLY) : engine.connectDirect();
            ExecutionOptions options = ExecutionOptions.empty();
            if (definition.getIsolationLevel() != TransactionDefinition.ISOLATION_DEFAULT) {
                options = options.withIsolationLevel(isolationLevel(definition));
            } else if (connection.isAutocommitIsolation()) {
                // an AUTOCOMMIT engine would commit statement by statement: a Spring transaction must be real
                options = options.withIsolationLevel(connection.defaultIsolationLevel());
            }
            if (!options.isEmpty()) {
                connection.executionOptions(options);
            }
            EngineConnectionHolder holder = new EngineConnectionHolder(connection, connection.begin());
            holder.setSynchronizedWithTransaction(true);
            holder.setTransactionActive(true);
            tx.setReadOnly(definition.isReadOnly());
            int timeout = determineTimeout(definition);
            if (timeout != TransactionDefinition.TIMEOUT_DEFAULT) {
                holder.setTimeoutInSeconds(timeout);
            }
            TransactionSynchronizationManager.bindResource(resourceKey, holder);
            tx.setConnectionHolder(holder);
            tx.newHolder = true;
        } catch (RuntimeException | Error e) {
            if (connection != null) {
                connection.close();
            }
            if (e instanceof InvalidIsolationLevelException invalid) {
                throw invalid;
            }
            if (e instanceof ArgumentException) {
                throw new InvalidIsolationLevelException(e.getMessage());
            }
            throw new CannotCreateTransactionException("Could not begin an engine transaction on " + engine, e);
        }
    }

    private static IsolationLevel isolationLevel(TransactionDefinition definition) {
        IsolationLevel level = IsolationLevel.fromJdbc(definition.getIsolationLevel());
        if (level == null) {
            throw new InvalidIsolationLevelException("Unknown isolation level " + definition.getIsolationLevel());
        }
        return level;
    }

    /** Unbinds the holder; the engine connection stays checked out until resumed and completed. */
    @Override
    protected Object doSuspend(Object transaction) {
        ((EngineTransactionObject) transaction).setConnectionHolder(null);
        return TransactionSynchronizationManager.unbindResource(resourceKey);
    }

    /** Rebinds the suspended holder. */
    @Override
    protected void doResume(@Nullable Object transaction, Object suspendedResources) {
        TransactionSynchronizationManager.bindResource(resourceKey, suspendedResources);
    }

    /**
     * Commits the engine transaction (firing {@code commit}). When the engine knows nothing can be committed (the
     * database aborted the transaction after a failed statement, or the connection was lost inside it) the commit
     * fails with {@link UnexpectedRollbackException}, as for a transaction marked rollback-only.
     */
    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        EngineConnectionHolder holder = ((EngineTransactionObject) status.getTransaction()).engineHolder();
        if (status.isDebug()) {
            logger.debug("Committing engine transaction on " + holder.engineConnection());
        }
        try {
            holder.engineTransaction().commit();
        } catch (PendingRollbackException e) {
            throw new UnexpectedRollbackException(e.getMessage(), e);
        } catch (EngineException e) {
            throw translate("commit", e);
        }
    }

    /** Rolls the engine transaction back (firing {@code rollback}). */
    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        EngineConnectionHolder holder = ((EngineTransactionObject) status.getTransaction()).engineHolder();
        if (status.isDebug()) {
            logger.debug("Rolling back engine transaction on " + holder.engineConnection());
        }
        try {
            holder.engineTransaction().rollback();
        } catch (EngineException e) {
            throw translate("rollback", e);
        }
    }

    /** A participant asked for rollback: mark the shared holder, which every participant and branch consults. */
    @Override
    protected void doSetRollbackOnly(DefaultTransactionStatus status) {
        EngineTransactionObject tx = (EngineTransactionObject) status.getTransaction();
        if (status.isDebug()) {
            logger.debug("Setting engine transaction rollback-only");
        }
        tx.getConnectionHolder().setRollbackOnly();
    }

    /**
     * Unbinds the holder and closes the engine connection: the JDBC connection returns to the pool with isolation
     * level, read-only and autocommit reset. Only the transaction that created the holder does this.
     */
    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        EngineTransactionObject tx = (EngineTransactionObject) transaction;
        if (!tx.newHolder) {
            return;
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(resourceKey);
        EngineConnectionHolder holder = tx.engineHolder();
        try {
            holder.engineConnection().close();
        } catch (RuntimeException e) {
            logger.warn("Could not close engine connection after transaction", e);
        } finally {
            holder.clear();
        }
    }

    /**
     * Like {@code JdbcTransactionManager}: a driver error on commit or rollback becomes the matching
     * {@link DataAccessException} (e.g. {@code CannotAcquireLockException} for a serialization failure), anything
     * else a {@link TransactionSystemException}.
     */
    private RuntimeException translate(String action, EngineException e) {
        if (e instanceof DBAPIException dbapi) {
            DataAccessException translated = exceptionTranslator.translate("Engine " + action, null, dbapi.orig());
            if (translated != null) {
                return translated;
            }
        }
        return new TransactionSystemException("Could not " + action + " engine transaction", e);
    }

    @Override
    public String toString() {
        return "EngineTransactionManager[" + engine + "]";
    }

    /**
     * Spring's transaction object: the holder plus whether this transaction created it. Savepoints for
     * {@code PROPAGATION_NESTED} go through the engine's {@link Connection#beginNested()} when the holder is ours.
     */
    private static final class EngineTransactionObject extends JdbcTransactionObjectSupport {

        private static final Log LOG = LogFactory.getLog(EngineTransactionObject.class);

        boolean newHolder;

        @Nullable ConnectionHolder getConnectionHolderOrNull() {
            return hasConnectionHolder() ? getConnectionHolder() : null;
        }

        EngineConnectionHolder engineHolder() {
            return (EngineConnectionHolder) getConnectionHolder();
        }

        /** Whether anyone marked the shared holder rollback-only (Spring's global rollback-only). */
        @Override
        public boolean isRollbackOnly() {
            return getConnectionHolder().isRollbackOnly();
        }

        @Override
        public void flush() {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationUtils.triggerFlush();
            }
        }

        /** An engine savepoint ({@code savepoint} event), or a plain JDBC one inside another manager's transaction. */
        @Override
        public Object createSavepoint() throws TransactionException {
            if (!(getConnectionHolderOrNull() instanceof EngineConnectionHolder holder)) {
                return super.createSavepoint();
            }
            if (!isSavepointAllowed()) {
                throw new NestedTransactionNotSupportedException(
                        "Transaction manager does not allow nested transactions");
            }
            try {
                return holder.engineConnection().beginNested();
            } catch (EngineException e) {
                throw new CannotCreateTransactionException("Could not create engine savepoint", e);
            }
        }

        /** {@code ROLLBACK TO SAVEPOINT} ({@code rollbackSavepoint} event); the outer transaction stays usable. */
        @Override
        public void rollbackToSavepoint(Object savepoint) throws TransactionException {
            if (!(savepoint instanceof NestedTransaction nested)) {
                super.rollbackToSavepoint(savepoint);
                return;
            }
            try {
                nested.rollback();
                getConnectionHolder().resetRollbackOnly();
            } catch (EngineException e) {
                throw new TransactionSystemException("Could not roll back to engine savepoint "
                        + nested.savepointName(), e);
            }
        }

        /**
         * {@code RELEASE SAVEPOINT} ({@code releaseSavepoint} event). Spring also calls this after rolling back to the
         * savepoint; the engine has ended it by then, so there is nothing left to release.
         */
        @Override
        public void releaseSavepoint(Object savepoint) throws TransactionException {
            if (!(savepoint instanceof NestedTransaction nested)) {
                super.releaseSavepoint(savepoint);
                return;
            }
            if (nested.isActive()) {
                try {
                    nested.commit();
                } catch (EngineException e) {
                    // as JdbcTransactionObjectSupport: a failed release leaves the savepoint to the transaction's end
                    LOG.debug("Could not explicitly release engine savepoint " + nested.savepointName(), e);
                }
            }
        }
    }
}
