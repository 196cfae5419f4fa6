package dev.retort.engine;

import dev.retort.engine.event.ConnectionListener;
import dev.retort.engine.event.CursorEvent;
import dev.retort.engine.event.ErrorEvent;
import dev.retort.engine.event.ExecuteEvent;
import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.exc.DBAPIException;
import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.exc.PendingRollbackException;
import dev.retort.engine.exc.ResourceClosedException;
import dev.retort.engine.internal.ClauseSupport;
import dev.retort.engine.internal.Errors;
import dev.retort.engine.internal.LeakDetector;
import dev.retort.engine.internal.ManagedPool;
import dev.retort.engine.internal.NetworkTimeout;
import dev.retort.engine.internal.ParsedSql;
import dev.retort.engine.internal.ReplicaRouter;
import dev.retort.engine.spi.ExternalTransaction;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A checked-out database connection, SQLAlchemy 2.0's {@code Connection}. Not thread-safe.
 *
 * <p>Transactions follow SQLAlchemy 2.0: the first statement autobegins a transaction; {@link #commit()} and
 * {@link #rollback()} end it (commit-as-you-go) and are no-ops without one; {@link #begin()} starts one explicitly and
 * refuses when one is already begun; {@link #beginNested()} creates savepoints. A failed statement does not end the
 * transaction by itself: the database decides (PostgreSQL aborts it, H2 and MariaDB do not). {@link #close()} rolls
 * back whatever is open and returns the JDBC connection to the pool.
 *
 * <p>{@link #invalidate()} (or a disconnect error) discards the JDBC connection; inside a transaction the connection
 * then raises {@link PendingRollbackException} until {@link #rollback()}, after which it reconnects on next use.
 *
 * <p>The file reads like SQLAlchemy's {@code base.py}: execution, error handling, the public transaction API, the
 * transaction primitives the {@link Transaction} classes call ({@code beginImpl}, {@code commitImpl}, …), options and
 * life cycle. Whether the connection owns its transactions or joined a framework's is an {@link Ownership} strategy.
 */
public final class Connection implements AutoCloseable {

    private final Engine engine;
    private final Engine.Core core;
    /** The pool the JDBC connection came from (a replica's for read-only work on an engine with replicas). */
    private ManagedPool pool;
    /** Whether checkouts go to a replica ({@code readonly=true}); only read when the engine has replicas. */
    private boolean readOnlyRoute;
    private final Ownership ownership;
    private java.sql.@Nullable Connection jdbc;
    private boolean closed;
    private boolean invalidated;
    private boolean detached;
    private ExecutionOptions options;
    @Nullable Transaction root;
    private @Nullable NestedTransaction nested;
    private int savepointSeq;
    private boolean autocommitMode;
    private boolean jdbcAutoCommit;
    private @Nullable Map<String, Object> info;
    private LeakDetector.@Nullable Tracked leak;
    private @Nullable NetworkTimeout networkTimeout;
    private @Nullable ExecutionContext spareContext;

    /** A pooled connection; {@code readOnlyRoute}: check out from a replica when the engine has replicas. */
    Connection(Engine engine, boolean readOnlyRoute) {
        this.engine = engine;
        this.core = engine.core;
        this.pool = core.pool;
        this.readOnlyRoute = readOnlyRoute;
        this.ownership = Ownership.OWN;
        this.options = engine.getExecutionOptions();
        connectJdbc();
        if (core.leakDetection) {
            leak = LeakDetector.track(this, "Connection");
            leak.onLeak(pool, jdbc);
        }
    }

    /** A branch over a JDBC connection owned by an external transaction (of {@code origin}, when not null). */
    Connection(Engine engine, java.sql.Connection jdbc, ExternalTransaction owner, @Nullable Connection origin) {
        this.engine = engine;
        this.core = engine.core;
        this.pool = core.pool;
        this.ownership = new Ownership.Joined(owner, origin);
        this.jdbc = jdbc;
        this.options = origin != null ? origin.options : engine.getExecutionOptions();
        this.autocommitMode = origin != null && origin.autocommitMode;
    }

    /**
     * A branch of this connection for a framework-managed transaction: same JDBC connection, {@code close()} leaves it
     * open, {@code begin()} returns a sub-transaction whose commit does nothing and whose rollback marks {@code owner}
     * rollback-only, {@code commit()}/{@code rollback()} are refused.
     */
    public Connection branch(ExternalTransaction owner) {
        checkOpen();
        return new Connection(engine, jdbcForUse(), owner, this);
    }

    // ================================================================= execution

    /** Executes a statement without parameters. */
    public Result execute(Executable statement) {
        return executeClause(statement, Map.of(), ExecutionOptions.empty());
    }

    /** Executes a statement with one parameter set. */
    public Result execute(Executable statement, Map<String, ?> parameters) {
        return executeClause(statement, parameters, ExecutionOptions.empty());
    }

    /**
     * Executes a statement once per parameter set, as one JDBC batch (executemany). {@link Result#rowCount()} is the
     * batch total. An empty list executes once without parameters.
     */
    public Result execute(Executable statement, List<? extends Map<String, ?>> parameterSets) {
        if (parameterSets.isEmpty()) {
            return executeClause(statement, Map.of(), ExecutionOptions.empty());
        }
        if (parameterSets.size() == 1) {
            return executeClause(statement, parameterSets.get(0), ExecutionOptions.empty());
        }
        return executeClause(statement, parameterSets, ExecutionOptions.empty());
    }

    /** Executes with one parameter set and per-call execution options (which take precedence over all others). */
    public Result execute(Executable statement, Map<String, ?> parameters, ExecutionOptions executionOptions) {
        if (executionOptions.isolationLevelName() != null) {
            throw isolationOnStatement();
        }
        return executeClause(statement, parameters, executionOptions);
    }

    /** The first column of the first row, or {@code null}. */
    public @Nullable Object scalar(Executable statement) {
        return execute(statement).scalar();
    }

    /** The first column of the first row, or {@code null}. */
    public @Nullable Object scalar(Executable statement, Map<String, ?> parameters) {
        return execute(statement, parameters).scalar();
    }

    /** The first column of the first row converted to {@code type}, or {@code null}. */
    public <T> @Nullable T scalar(Executable statement, Map<String, ?> parameters, Class<T> type) {
        return execute(statement, parameters).scalar(type);
    }

    /** The first column of every row. */
    public ScalarResult<Object> scalars(Executable statement) {
        return execute(statement).scalars();
    }

    /** The first column of every row. */
    public ScalarResult<Object> scalars(Executable statement, Map<String, ?> parameters) {
        return execute(statement, parameters).scalars();
    }

    /**
     * Runs SQL in the driver's own {@code ?} syntax with positional parameters; no parsing. Fires the cursor events
     * but not {@code beforeExecute}/{@code afterExecute}.
     */
    public Result execDriverSql(String sql, Object... parameters) {
        checkOpen();
        ParsedSql parsed = parseDriverSql(sql, options);
        return run(parsed, parameters, false, options, engine.listeners());
    }

    /** Runs driver SQL once per parameter row, as one JDBC batch. */
    public Result execDriverSql(String sql, List<Object[]> parameterRows) {
        checkOpen();
        ParsedSql parsed = parseDriverSql(sql, options);
        return run(parsed, parameterRows, true, options, engine.listeners());
    }

    private Result executeClause(Executable statement, @Nullable Object parameters, ExecutionOptions callOptions) {
        checkOpen();
        if (parameters == null) {
            parameters = Map.of(); // as SQLAlchemy's execute(stmt, None): no parameters
        }
        ExecutionOptions opts = options.merge(statement.executionOptions()).merge(callOptions);
        ConnectionListener[] ls = engine.listeners();
        ExecuteEvent event = null;
        if (ls.length > 0) {
            event = new ExecuteEvent(this, statement, parameters, opts);
            for (ConnectionListener l : ls) {
                l.beforeExecute(event);
            }
            statement = event.statement();
            parameters = event.parameters();
        }
        ParsedSql parsed;
        if (statement instanceof TextClause text) {
            parsed = parse(text, opts);
        } else {
            ClauseSupport clauses = ClauseSupport.get();
            boolean many = parameters instanceof List;
            parsed = clauses.prepare(statement, parameters, many, core.dialect, opts, core.compiledCache);
            parameters = clauses.arguments(parsed, statement, parameters, many);
        }
        Result result = run(parsed, parameters, parameters instanceof List, opts, ls);
        if (event != null) {
            for (ConnectionListener l : ls) {
                l.afterExecute(event, result);
            }
        }
        return result;
    }

    private ParsedSql parse(TextClause clause, ExecutionOptions opts) {
        if (!opts.compiledCache() || core.queryCache.capacity() == 0) {
            return ParsedSql.parseText(clause.text());
        }
        ParsedSql parsed = clause.cachedParse();
        if (parsed == null) {
            parsed = core.queryCache.get(clause.text(), ParsedSql::parseText);
            clause.rememberParse(parsed);
        }
        return parsed;
    }

    private ParsedSql parseDriverSql(String sql, ExecutionOptions opts) {
        if (!opts.compiledCache()) {
            return ParsedSql.driverSql(sql);
        }
        return core.driverSqlCache.get(sql, ParsedSql::driverSql);
    }

    /**
     * Runs compiled SQL through an {@link ExecutionContext}: autobegins (or checks the framework's transaction),
     * executes, and commits afterwards when the {@code autocommit} option asks for it.
     */
    private Result run(ParsedSql compiled, Object parameters, boolean many, ExecutionOptions opts,
            ConnectionListener[] ls) {
        ownership.beforeStatement(this);
        Result result = ExecutionContext.execute(this, compiled, parameters, many, opts, ls);
        if (opts.autocommit() && compiled.operation() != ParsedSql.Operation.SELECT && root != null
                && root.autobegun) {
            commit();
        }
        return result;
    }

    /** The execution context kept for reuse by the next execution without listeners, or {@code null}. */
    @Nullable ExecutionContext takeSpareContext() {
        ExecutionContext context = spareContext;
        spareContext = null;
        return context;
    }

    void spareContext(ExecutionContext context) {
        spareContext = context;
    }

    /** The JDBC connection a statement runs on (connected by the autobegin that preceded it). */
    java.sql.Connection jdbcForStatement() {
        return jdbc;
    }

    /** The query timeout for a statement with these options (0 = none), shortened by a framework's deadline. */
    int statementTimeout(ExecutionOptions opts) {
        return ownership.statementTimeout(opts.timeoutSeconds());
    }

    /**
     * The pool layer's deadline for the next statement: with a {@code timeout} the driver's network timeout holds
     * even when the network is gone (see {@link NetworkTimeout}); without one the connection's own comes back.
     */
    void boundNetworkWait(int timeoutSeconds) throws SQLException {
        networkTimeout = NetworkTimeout.apply(networkTimeout, jdbc, timeoutSeconds);
    }

    void logStatement(String sql, Object parameters, ExecutionOptions opts) {
        boolean info = core.echo && Engine.LOG.isInfoEnabled();
        if (!info && !Engine.LOG.isDebugEnabled()) {
            return;
        }
        StringBuilder line = logPrefix(opts).append(sql);
        if (core.hideParameters) {
            line.append(" [SQL parameters hidden due to hideParameters=true]");
        } else {
            line.append(' ').append(parameters instanceof Object[] a ? Arrays.toString(a) : parameters);
        }
        if (info) {
            Engine.LOG.info(line.toString());
        } else {
            Engine.LOG.debug(line.toString());
        }
    }

    /** Logs a transaction boundary at INFO when {@code echo} is on, as SQLAlchemy's echo does. */
    private void echo(String what) {
        if (core.echo && Engine.LOG.isInfoEnabled()) {
            Engine.LOG.info(logPrefix(options).append(what).toString());
        }
    }

    private StringBuilder logPrefix(ExecutionOptions opts) {
        StringBuilder line = new StringBuilder();
        if (core.loggingName != null) {
            line.append('[').append(core.loggingName).append("] ");
        }
        if (opts.loggingToken() != null) {
            line.append('[').append(opts.loggingToken()).append("] ");
        }
        return line;
    }

    // ================================================================= errors

    /**
     * The one place driver errors are handled: classify (the dialect decides "disconnect"), run {@code handleError}
     * listeners, invalidate on disconnect (and soft-invalidate the pool), and return the exception to throw. The
     * transaction is not ended: SQLAlchemy 2.0 leaves that to the caller.
     */
    RuntimeException handleError(SQLException e, @Nullable String sql, @Nullable Object parameters,
            ConnectionListener[] ls) {
        return handleError(e, sql, parameters, ls, true, null);
    }

    /**
     * As {@link #handleError(SQLException, String, Object, ConnectionListener[])}; {@code sent} tells whether the
     * failing work reached the database (a bind error did not, so the database has not aborted the transaction), and
     * {@code cursor} is the event of the statement execution that failed, if one did. A JDBC connection the pool
     * closed because of the error (HikariCP evicts on fatal SQLStates) is a disconnect whatever the dialect says: it
     * cannot be used again.
     */
    RuntimeException handleError(SQLException e, @Nullable String sql, @Nullable Object parameters,
            ConnectionListener[] ls, boolean sent, @Nullable CursorEvent cursor) {
        boolean closedByPool = jdbcClosed();
        boolean disconnect = closedByPool || core.dialect.isDisconnect(e);
        Object shownParams = parameters instanceof Object[] a ? Arrays.asList(a) : parameters;
        DBAPIException wrapped = Errors.wrap(e, sql, shownParams, core.hideParameters, disconnect);
        RuntimeException toThrow = wrapped;
        boolean invalidatePool = true;
        if (ls.length > 0) {
            ErrorEvent event = new ErrorEvent(this, wrapped, e, sql, shownParams, disconnect, cursor);
            RuntimeException raised = runErrorListeners(event, ls);
            if (event.isDisconnect() != disconnect && !closedByPool) {
                disconnect = event.isDisconnect();
                wrapped = Errors.wrap(e, sql, shownParams, core.hideParameters, disconnect);
            }
            invalidatePool = event.invalidatePoolOnDisconnect();
            toThrow = raised != null ? raised : event.replacement() != null ? event.replacement() : wrapped;
        }
        if (disconnect && jdbc != null) {
            Connection origin = ownership.origin(this);
            if (origin != null) {
                origin.invalidate(e);
            }
            if (invalidatePool) {
                pool.softInvalidateAll(e);
            }
        } else if (sent) {
            noteAbort(e, toThrow);
        }
        return toThrow;
    }

    private static @Nullable RuntimeException runErrorListeners(ErrorEvent event, ConnectionListener[] ls) {
        for (ConnectionListener l : ls) {
            try {
                l.handleError(event);
            } catch (RuntimeException listenerError) {
                return listenerError;
            }
        }
        return null;
    }

    private boolean jdbcClosed() {
        java.sql.Connection c = jdbc;
        if (c == null) {
            return false;
        }
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * Remembers a failure after which the database aborted the transaction (the dialect knows which do), so that
     * {@code commit()} cannot report success for work the database threw away. A branch records it on the
     * transaction of the connection it came from.
     */
    private void noteAbort(SQLException e, RuntimeException error) {
        Connection origin = ownership.origin(this);
        Transaction tx = origin != null ? origin.root : null;
        if (tx == null || origin.autocommitMode || !core.dialect.abortsTransaction(e)) {
            return;
        }
        int depth = savepointDepth();
        if (tx.abortedBy == null) {
            tx.abortedBy = error;
            tx.abortedAtDepth = depth;
        } else if (depth < tx.abortedAtDepth) {
            tx.abortedAtDepth = depth;
        }
    }

    /** A rollback to the savepoint at {@code depth} undid an abort that happened while it was open. */
    void abortUndone(int depth) {
        Connection origin = ownership.origin(this);
        Transaction tx = origin != null ? origin.root : null;
        if (tx != null && tx.abortedBy != null && tx.abortedAtDepth > depth) {
            tx.abortedBy = null;
        }
    }

    /** Closes a statement; a failure to close one is never actionable (it is gone with its connection). */
    static void closeQuietly(@Nullable Statement st) {
        if (st != null) {
            try {
                st.close();
            } catch (SQLException e) {
                Engine.LOG.debug("Error closing cursor", e);
            }
        }
    }

    static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    // ================================================================= transactions: the public API

    /** Autobegins a root transaction unless one is begun; refuses when the one begun cannot take statements. */
    void autobegin() {
        if (root != null) {
            if (!root.active || invalidated) {
                throw pendingRollback();
            }
            root.checkAcceptsStatements();
            return;
        }
        beginRoot(new Transaction(this, true));
    }

    PendingRollbackException pendingRollback() {
        if (!invalidated && root != null && root.commitFailure != null) {
            return new PendingRollbackException("The previous commit() failed, so nothing was committed: "
                    + firstLine(root.commitFailure) + ". Call rollback() before running more statements on this "
                    + "connection", root.commitFailure);
        }
        String what = nested != null ? "invalid savepoint transaction" : "invalid transaction";
        return new PendingRollbackException("Can't reconnect until " + what + " is rolled back.  Please rollback() "
                + "fully before proceeding");
    }

    /** Makes {@code tx} the root transaction and begins it (reconnecting first after an invalidation). */
    <T extends Transaction> T beginRoot(T tx) {
        if (root != null) {
            throw new InvalidRequestException("This connection has already initialized a Transaction() object via "
                    + "begin() or autobegin; can't call begin() here unless rollback() or commit() is called first.");
        }
        jdbcForUse();
        root = tx;
        try {
            tx.beginImpl();
        } catch (RuntimeException e) {
            root = null;
            throw e;
        }
        return tx;
    }

    /**
     * Begins a transaction explicitly.
     *
     * @throws InvalidRequestException when a transaction is already begun (explicitly or by autobegin)
     */
    public Transaction begin() {
        checkOpen();
        return ownership.begin(this);
    }

    /** Creates a savepoint; autobegins the enclosing transaction when there is none. */
    public NestedTransaction beginNested() {
        checkOpen();
        ownership.beforeStatement(this);
        Connection origin = ownership.origin(this);
        Connection counter = origin != null ? origin : this;
        NestedTransaction sp = new NestedTransaction(this, "sa_savepoint_" + (++counter.savepointSeq), nested,
                savepointDepth());
        savepointImpl(sp);
        nested = sp;
        return sp;
    }

    /** Open savepoints, counting those of the connection a branch came from. */
    private int savepointDepth() {
        if (nested != null) {
            return nested.depth + 1;
        }
        Connection origin = ownership.origin(this);
        return origin != null && origin != this ? origin.savepointDepth() : 0;
    }

    /** Begins a two-phase transaction with a generated id. */
    public TwoPhaseTransaction beginTwoPhase() {
        return beginTwoPhase(core.dialect.createXid());
    }

    /**
     * Begins a two-phase transaction.
     *
     * @throws InvalidRequestException when any transaction is in progress
     */
    public TwoPhaseTransaction beginTwoPhase(String xid) {
        checkOpen();
        if (inTransaction()) {
            throw new InvalidRequestException("Cannot start a two phase transaction when a transaction is already in "
                    + "progress.");
        }
        if (!core.dialect.supportsTwoPhase()) {
            throw new InvalidRequestException("The " + core.dialect.name() + " dialect does not support two-phase "
                    + "transactions");
        }
        return beginRoot(new TwoPhaseTransaction(this, xid));
    }

    /** Commits the current transaction, if any (commit-as-you-go). */
    public void commit() {
        checkOpen();
        ownership.refuse("commit()");
        if (root != null) {
            root.commit();
        }
    }

    /** Rolls back the current transaction, if any, including every savepoint. */
    public void rollback() {
        checkOpen();
        ownership.refuse("rollback()");
        if (root != null) {
            root.rollback();
        }
    }

    /**
     * Runs {@code work} in a transaction begun with {@link #begin()}: commits when it returns, rolls back and rethrows
     * when it throws (SQLAlchemy's {@code with conn.begin():}). A commit that fails is rolled back and rethrown.
     *
     * @throws InvalidRequestException when a transaction is already begun (explicitly or by autobegin)
     */
    public <T> T inTransaction(SqlFunction<Connection, T> work) {
        return runIn(begin(), work);
    }

    /** Like {@link #inTransaction(SqlFunction)} without a result. */
    public void useTransaction(SqlConsumer<Connection> work) {
        runIn(begin(), asFunction(work));
    }

    /**
     * Runs {@code work} inside a savepoint ({@link #beginNested()}): releases it when {@code work} returns, rolls back
     * to it and rethrows when {@code work} throws; the enclosing transaction stays usable either way
     * (SQLAlchemy's {@code with conn.begin_nested():}). Unlike a try-with-resources {@link NestedTransaction}, whose
     * {@code close()} rolls back unless {@code commit()} was called, success needs no explicit commit.
     */
    public <T> T inNested(SqlFunction<Connection, T> work) {
        return runIn(beginNested(), work);
    }

    /** Like {@link #inNested(SqlFunction)} without a result. */
    public void useNested(SqlConsumer<Connection> work) {
        runIn(beginNested(), asFunction(work));
    }

    private <T> T runIn(Transaction tx, SqlFunction<Connection, T> work) {
        T value;
        try {
            value = work.apply(this);
        } catch (Throwable e) {
            rollbackQuietly(tx, e);
            throw Engine.sneaky(e);
        }
        if (tx.attached) { // work may have ended the transaction itself
            try {
                tx.commit();
            } catch (RuntimeException e) {
                rollbackQuietly(tx, e);
                throw e;
            }
        }
        return value;
    }

    private static SqlFunction<Connection, @Nullable Void> asFunction(SqlConsumer<Connection> work) {
        return c -> {
            work.accept(c);
            return null;
        };
    }

    private static void rollbackQuietly(Transaction tx, Throwable primary) {
        try {
            if (tx.attached) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            primary.addSuppressed(e);
        }
    }

    /** Whether a transaction is in progress (always true on a branch of a framework-managed transaction). */
    public boolean inTransaction() {
        return ownership.inTransaction(this);
    }

    /** Whether a savepoint is open. */
    public boolean inNestedTransaction() {
        return nested != null;
    }

    /**
     * The innermost transaction statements run in now: the open savepoint, else the root; a branch answers with the
     * transaction of the connection it came from. {@code null} when there is none (or a framework's JDBC
     * transaction, which the engine did not begin).
     */
    @Nullable Transaction currentTransaction() {
        if (nested != null) {
            return nested;
        }
        Connection origin = ownership.origin(this);
        return origin != null && origin != this ? origin.currentTransaction() : root;
    }

    /** The root transaction, if one is begun. */
    public Optional<Transaction> getTransaction() {
        return Optional.ofNullable(root);
    }

    /** The innermost savepoint, if any. */
    public Optional<NestedTransaction> getNestedTransaction() {
        return Optional.ofNullable(nested);
    }

    /** The ids of prepared two-phase transactions waiting to be committed or rolled back. */
    public List<String> recoverTwoPhase() {
        checkOpen();
        try {
            return core.dialect.recoverTwoPhase(jdbcForUse());
        } catch (SQLException e) {
            throw handleError(e, "RECOVER TWO PHASE", null, engine.listeners());
        }
    }

    /**
     * Commits a prepared transaction left over by this or another process. Like the databases' own {@code COMMIT
     * PREPARED}, it refuses to run while this connection has a transaction in progress.
     */
    public void commitPrepared(String xid) {
        checkOpen();
        refuseInTransaction("commitPrepared()");
        try {
            core.dialect.commitPrepared(jdbcForUse(), xid);
        } catch (SQLException e) {
            throw handleError(e, "COMMIT PREPARED " + xid, null, engine.listeners());
        }
    }

    /** Rolls back a prepared transaction left over by this or another process. */
    public void rollbackPrepared(String xid) {
        checkOpen();
        refuseInTransaction("rollbackPrepared()");
        try {
            core.dialect.rollbackPrepared(jdbcForUse(), xid);
        } catch (SQLException e) {
            throw handleError(e, "ROLLBACK PREPARED " + xid, null, engine.listeners());
        }
    }

    private void refuseInTransaction(String what) {
        if (inTransaction()) {
            throw new InvalidRequestException(what + " cannot run while a transaction is in progress on this "
                    + "connection; commit() or rollback() first, or use a separate connection");
        }
    }

    // ================================================================= transactions: primitives

    /** Whether a rollback can reach the database (not after an invalidation or close). */
    private boolean canRollback() {
        return jdbc != null && !invalidated && !closed;
    }

    void beginImpl(Transaction tx) {
        echo(autocommitMode ? "BEGIN (implicit; autocommit mode: nothing is sent)" : "BEGIN (implicit)");
        ConnectionListener[] ls = engine.listeners();
        for (ConnectionListener l : ls) {
            l.begin(tx);
        }
        try {
            leaveJdbcAutocommit();
        } catch (SQLException e) {
            throw handleError(e, "BEGIN", null, ls);
        }
    }

    private void leaveJdbcAutocommit() throws SQLException {
        if (!autocommitMode && jdbcAutoCommit) {
            jdbc.setAutoCommit(false);
            jdbcAutoCommit = false;
        }
    }

    void commitImpl(Transaction tx) {
        ConnectionListener[] ls = engine.listeners();
        for (ConnectionListener l : ls) {
            l.commit(tx);
        }
        echo(autocommitMode ? "COMMIT (autocommit mode: nothing is sent)" : "COMMIT");
        try {
            if (!autocommitMode) {
                jdbc.commit();
            }
        } catch (SQLException e) {
            throw handleError(e, "COMMIT", null, ls);
        }
    }

    void rollbackImpl(Transaction tx) {
        ConnectionListener[] ls = engine.listeners();
        for (ConnectionListener l : ls) {
            l.rollback(tx);
        }
        if (!canRollback()) {
            return; // invalidated: the database already ended it
        }
        echo(autocommitMode ? "ROLLBACK (autocommit mode: nothing is sent)" : "ROLLBACK");
        try {
            if (!autocommitMode) {
                jdbc.rollback();
            }
        } catch (SQLException e) {
            throw handleError(e, "ROLLBACK", null, ls);
        }
    }

    /** The root transaction ended: every savepoint ends with it. */
    void rootEnded(Transaction tx) {
        detachSavepointsDownTo(null);
        if (root == tx) {
            root = null;
        }
    }

    void savepointImpl(NestedTransaction sp) {
        ConnectionListener[] ls = engine.listeners();
        for (ConnectionListener l : ls) {
            l.savepoint(sp);
        }
        echo("SAVEPOINT " + sp.savepointName());
        try {
            sp.savepoint = jdbc.setSavepoint(sp.savepointName());
        } catch (SQLException e) {
            throw handleError(e, "SAVEPOINT " + sp.savepointName(), null, ls);
        }
    }

    void releaseSavepointImpl(NestedTransaction sp) {
        ConnectionListener[] ls = engine.listeners();
        for (ConnectionListener l : ls) {
            l.releaseSavepoint(sp);
        }
        echo("RELEASE SAVEPOINT " + sp.savepointName());
        try {
            jdbc.releaseSavepoint(sp.savepoint);
        } catch (SQLException e) {
            throw handleError(e, "RELEASE SAVEPOINT " + sp.savepointName(), null, ls);
        }
    }

    /** Fires the event and rolls back to the savepoint; returns whether that reached the database. */
    boolean rollbackToSavepointImpl(NestedTransaction sp) {
        ConnectionListener[] ls = engine.listeners();
        for (ConnectionListener l : ls) {
            l.rollbackSavepoint(sp);
        }
        if (!canRollback()) {
            return false;
        }
        echo("ROLLBACK TO SAVEPOINT " + sp.savepointName());
        try {
            jdbc.rollback(sp.savepoint);
            return true;
        } catch (SQLException e) {
            throw handleError(e, "ROLLBACK TO SAVEPOINT " + sp.savepointName(), null, ls);
        }
    }

    /** A savepoint ended: it and every savepoint opened after it are gone. */
    void savepointEnded(NestedTransaction sp) {
        if (sp.attached) {
            detachSavepointsDownTo(sp.previous);
        }
    }

    private void detachSavepointsDownTo(@Nullable NestedTransaction keep) {
        for (NestedTransaction sp = nested; sp != null && sp != keep; sp = sp.previous) {
            sp.active = false;
            sp.attached = false;
        }
        nested = keep;
    }

    void beginTwoPhaseImpl(TwoPhaseTransaction tx) {
        echo("BEGIN TWOPHASE (implicit)");
        ConnectionListener[] ls = engine.listeners();
        for (ConnectionListener l : ls) {
            l.beginTwoPhase(tx);
        }
        try {
            leaveJdbcAutocommit();
            core.dialect.beginTwoPhase(jdbc, tx.xid());
        } catch (SQLException e) {
            throw handleError(e, "BEGIN TWO PHASE", null, ls);
        }
    }

    void prepareTwoPhaseImpl(TwoPhaseTransaction tx) {
        ConnectionListener[] ls = engine.listeners();
        for (ConnectionListener l : ls) {
            l.prepareTwoPhase(tx);
        }
        try {
            core.dialect.prepareTwoPhase(jdbc, tx.xid());
        } catch (SQLException e) {
            throw handleError(e, "PREPARE TWO PHASE " + tx.xid(), null, ls);
        }
    }

    void commitTwoPhaseImpl(TwoPhaseTransaction tx) {
        ConnectionListener[] ls = engine.listeners();
        for (ConnectionListener l : ls) {
            l.commitTwoPhase(tx);
        }
        try {
            core.dialect.commitTwoPhase(jdbc, tx.xid(), tx.prepared);
        } catch (SQLException e) {
            throw handleError(e, "COMMIT TWO PHASE " + tx.xid(), null, ls);
        }
    }

    void rollbackTwoPhaseImpl(TwoPhaseTransaction tx) {
        ConnectionListener[] ls = engine.listeners();
        for (ConnectionListener l : ls) {
            l.rollbackTwoPhase(tx);
        }
        if (!canRollback()) {
            return;
        }
        try {
            core.dialect.rollbackTwoPhase(jdbc, tx.xid(), tx.prepared);
        } catch (SQLException e) {
            throw handleError(e, "ROLLBACK TWO PHASE " + tx.xid(), null, ls);
        }
    }

    // ================================================================= options

    /**
     * Merges execution options into this connection's, in place, and returns this connection (SQLAlchemy 2.0).
     * {@code isolation_level} and {@code readonly} are applied to the JDBC connection now and reset when it returns
     * to the pool; changing them while a transaction is begun raises {@link InvalidRequestException}.
     */
    public Connection executionOptions(ExecutionOptions more) {
        checkOpen();
        String levelName = more.isolationLevelName();
        if (levelName != null || more.readOnly() != null) {
            String key = levelName != null ? "isolation_level" : "readonly";
            if (inTransaction()) {
                throw new InvalidRequestException("This connection has already initialized a Transaction() object "
                        + "via begin() or autobegin; " + key + " may not be altered unless rollback() or commit() is "
                        + "called first.");
            }
            if (levelName != null) {
                core.dialect.checkIsolationLevel(levelName);
            }
        }
        for (ConnectionListener l : engine.listeners()) {
            l.setConnectionExecutionOptions(this, more);
        }
        options = options.merge(more);
        if (core.router != null && more.readOnly() != null) {
            reroute(more.readOnly());
        }
        java.sql.Connection c = jdbcForUse();
        try {
            if (levelName != null) {
                applyIsolation(c, more.isolationLevel());
            }
            if (more.readOnly() != null) {
                c.setReadOnly(more.readOnly());
            }
        } catch (SQLException e) {
            throw handleError(e, null, null, engine.listeners());
        }
        return this;
    }

    /** This connection's execution options (the engine's merged with its own). */
    public ExecutionOptions getExecutionOptions() {
        return options;
    }

    /** The isolation level the driver reports now; never {@code AUTOCOMMIT}. */
    public IsolationLevel getIsolationLevel() {
        checkOpen();
        try {
            IsolationLevel level = IsolationLevel.fromJdbc(jdbcForUse().getTransactionIsolation());
            return level != null ? level : IsolationLevel.READ_COMMITTED;
        } catch (SQLException e) {
            throw handleError(e, null, null, engine.listeners());
        }
    }

    /**
     * Whether the connection runs in JDBC autocommit because of {@code isolation_level=AUTOCOMMIT}, so that
     * {@code commit()} and {@code rollback()} do nothing.
     */
    public boolean isAutocommitIsolation() {
        return autocommitMode;
    }

    /** The isolation level the engine's first connection had. */
    public IsolationLevel defaultIsolationLevel() {
        IsolationLevel level = core.defaultIsolation;
        return level != null ? level : getIsolationLevel();
    }

    private void applyIsolation(java.sql.Connection c, @Nullable IsolationLevel level) throws SQLException {
        if (level == null) {
            return;
        }
        if (level == IsolationLevel.AUTOCOMMIT) {
            if (!jdbcAutoCommit) {
                c.setAutoCommit(true);
                jdbcAutoCommit = true;
            }
            // only JDBC autocommit changed; the pool restores it when the connection goes back
            autocommitMode = true;
            return;
        } else {
            if (autocommitMode) {
                autocommitMode = false;
                if (jdbcAutoCommit) {
                    c.setAutoCommit(false);
                    jdbcAutoCommit = false;
                }
            }
            c.setTransactionIsolation(level.jdbcLevel());
        }
    }

    // ================================================================= life cycle

    private void connectJdbc() {
        java.sql.Connection c;
        try {
            c = checkoutJdbc();
        } catch (SQLException e) {
            throw handleError(e, null, null, engine.listeners());
        }
        jdbc = c;
        invalidated = false;
        if (leak != null) {
            leak.onLeak(pool, c);
        }
        info = null;
        try {
            if (core.defaultIsolation == null) {
                core.defaultIsolation = IsolationLevel.fromJdbc(c.getTransactionIsolation());
            }
            jdbcAutoCommit = c.getAutoCommit();
            autocommitMode = core.poolIsolation == IsolationLevel.AUTOCOMMIT;
            // engine-level characteristics only: after an invalidation the new JDBC connection starts at the
            // engine's level, not at one set on this connection (SQLAlchemy)
            ExecutionOptions engineOptions = engine.getExecutionOptions();
            IsolationLevel level = engineOptions.isolationLevelName() != null ? engineOptions.isolationLevel() : null;
            if (level != null && level != core.poolIsolation) {
                applyIsolation(c, level);
            }
            if (engineOptions.readOnly() != null) {
                c.setReadOnly(engineOptions.readOnly());
            }
        } catch (SQLException e) {
            RuntimeException error = handleError(e, null, null, engine.listeners());
            releaseJdbc();
            closed = true;
            throw error;
        }
    }

    /** Checks a JDBC connection out: from the engine's pool, or where the replica router sends it. */
    private java.sql.Connection checkoutJdbc() throws SQLException {
        ReplicaRouter router = core.router;
        if (router == null) {
            return pool.checkout();
        }
        ReplicaRouter.Checkout routed = router.checkout(readOnlyRoute);
        pool = routed.pool();
        return routed.connection();
    }

    /**
     * {@code readonly} changed on a connection of an engine with replicas (no transaction is begun): when the JDBC
     * connection comes from the wrong side, return it and check one out where the router sends read-only (or other)
     * work, keeping an isolation level set on this connection. A detached connection stays where it is.
     */
    private void reroute(boolean readOnly) {
        readOnlyRoute = readOnly;
        if (jdbc != null && !detached && core.router.isReplica(pool) != readOnly) {
            releaseJdbc();
            connectJdbc();
            if (options.isolationLevelName() != null) {
                try {
                    applyIsolation(jdbc, options.isolationLevel());
                } catch (SQLException e) {
                    throw handleError(e, null, null, engine.listeners());
                }
            }
        }
    }

    private java.sql.Connection jdbcForUse() {
        if (jdbc == null) {
            if (root != null) {
                throw pendingRollback();
            }
            connectJdbc();
        }
        return jdbc;
    }

    /**
     * Rolls back anything open and returns the JDBC connection to the pool (or closes it, if detached). Closing a
     * branch of a framework-managed transaction leaves the transaction alone.
     */
    @Override
    public void close() {
        if (!closed) {
            ownership.close(this);
        }
    }

    /** A branch lets go of the framework's JDBC connection without ending anything. */
    void letGo() {
        closed = true;
        jdbc = null;
    }

    void rollbackAndRelease() {
        try {
            if (root != null) {
                root.rollback();
            }
        } catch (RuntimeException e) {
            Engine.LOG.warn("Rollback on close failed; discarding the connection", e);
            if (jdbc != null && !invalidated) {
                invalidate(e);
            }
        } finally {
            closed = true;
            if (leak != null) {
                leak.closed();
            }
            releaseJdbc();
        }
    }

    private void releaseJdbc() {
        java.sql.Connection c = jdbc;
        jdbc = null;
        if (leak != null) {
            leak.current(null);
        }
        if (c == null) {
            return;
        }
        if (detached) {
            pool.closeDetached(c);
            return;
        }
        pool.checkin(c);
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Invalidates the connection: the JDBC connection is closed and discarded. */
    public void invalidate() {
        invalidate(null);
    }

    /**
     * Invalidates the connection because of {@code cause}. Outside a transaction the next statement reconnects;
     * inside one the connection raises {@link PendingRollbackException} until {@link #rollback()}.
     */
    public void invalidate(@Nullable Throwable cause) {
        if (closed) {
            throw closedError();
        }
        if (invalidated) {
            return;
        }
        ownership.refuse("invalidate");
        java.sql.Connection c = jdbc;
        jdbc = null;
        invalidated = true;
        if (leak != null) {
            leak.current(null);
        }
        if (c != null) {
            if (detached) {
                pool.closeDetached(c);
            } else {
                pool.invalidate(c, cause);
            }
        }
    }

    /** Whether the connection was invalidated and has not reconnected yet. */
    public boolean isInvalidated() {
        return invalidated;
    }

    /**
     * Detaches the JDBC connection from the pool: it keeps working, and {@link #close()} closes it for real instead of
     * returning it.
     */
    public void detach() {
        if (closed) {
            throw closedError();
        }
        if (invalidated) {
            throw new InvalidRequestException("Can't detach an invalidated Connection");
        }
        ownership.refuse("detach");
        if (!detached) {
            pool.detach(jdbcForUse());
            detached = true;
        }
    }

    /**
     * User data that travels with the pooled JDBC connection ({@code ConnectionRecord.info}): what one checkout puts
     * here the next checkout of the same physical connection sees.
     */
    public Map<String, Object> info() {
        if (info == null) {
            Connection origin = ownership.origin(this);
            if (origin != null && origin != this) {
                info = origin.info();
            } else if (origin != null && jdbc != null) {
                info = pool.record(jdbc).info();
            } else {
                return Collections.synchronizedMap(new HashMap<>());
            }
        }
        return info;
    }

    /** The JDBC connection (a pool proxy). */
    public java.sql.Connection jdbcConnection() {
        checkOpen();
        return jdbcForUse();
    }

    /** The engine this connection came from. */
    public Engine engine() {
        return engine;
    }

    /** The dialect. */
    public dev.retort.engine.dialect.Dialect dialect() {
        return core.dialect;
    }

    /** Whether this is a branch of a transaction owned by a framework. */
    public boolean isBranch() {
        return ownership.joined();
    }

    void checkOpen() {
        if (closed) {
            throw closedError();
        }
        if (core.closed) {
            engine.checkOpen();
        }
    }

    private static ResourceClosedException closedError() {
        return new ResourceClosedException("This Connection is closed; get a new one with engine.connect()");
    }

    static ArgumentException isolationOnStatement() {
        return new ArgumentException("'isolation_level' execution option may only be specified on "
                + "Connection.executionOptions(), or per-engine using Engine.Builder.isolationLevel()");
    }

    @Override
    public String toString() {
        return "Connection[" + core.dialect.name() + (closed ? ", closed" : invalidated ? ", invalidated" : "")
                + (inTransaction() ? ", in transaction" : "") + "]";
    }
}
