package dev.retort.engine.event;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.NestedTransaction;
import dev.retort.engine.Result;
import dev.retort.engine.Transaction;
import dev.retort.engine.TwoPhaseTransaction;

/**
 * SQLAlchemy's {@code ConnectionEvents} plus {@code handle_error}. Every method is a no-op by default; override what
 * you need. Register with {@link Engine.Builder#listener} or {@link Engine#addListener}. An engine with no listener
 * allocates no event objects. For one statement the order is {@code beforeExecute}, {@code begin} (when it
 * autobegins), {@code beforeCursorExecute}, {@code afterCursorExecute}, {@code afterExecute}; {@code handleError}
 * replaces the last two when the statement fails.
 */
public interface ConnectionListener {

    /** A connection was handed out by {@link Engine#connect()}. */
    default void engineConnect(Connection conn) {
    }

    /** Before a statement runs through {@link Connection#execute}; may replace statement and parameters. */
    default void beforeExecute(ExecuteEvent e) {
    }

    /** After a statement ran through {@link Connection#execute}. */
    default void afterExecute(ExecuteEvent e, Result result) {
    }

    /** Before SQL reaches the driver (also for {@code execDriverSql}); may replace SQL and parameters. */
    default void beforeCursorExecute(CursorEvent e) {
    }

    /** After the driver ran the SQL; {@link CursorEvent#elapsed()} and {@link CursorEvent#rowCount()} are set. */
    default void afterCursorExecute(CursorEvent e) {
    }

    /**
     * A result that returns rows was exhausted or closed after {@code rowsFetched} rows were read from it (for a rows
     * fetched metric).
     */
    default void resultClosed(Result result, long rowsFetched) {
    }

    /** A statement failed; the listener may replace the exception or change the disconnect decision. */
    default void handleError(ErrorEvent e) {
    }

    /** A root transaction began (explicitly or by autobegin). */
    default void begin(Connection c) {
    }

    /** The root transaction is about to commit. */
    default void commit(Connection c) {
    }

    /** The root transaction is about to roll back (also when a connection closes with one open). */
    default void rollback(Connection c) {
    }

    /** A savepoint is about to be created. */
    default void savepoint(Connection c, String name) {
    }

    /** The connection is about to roll back to a savepoint. */
    default void rollbackSavepoint(Connection c, String name) {
    }

    /** A savepoint is about to be released. */
    default void releaseSavepoint(Connection c, String name) {
    }

    /** A two-phase transaction began. */
    default void beginTwoPhase(Connection c, String xid) {
    }

    /** A two-phase transaction is about to be prepared. */
    default void prepareTwoPhase(Connection c, String xid) {
    }

    /** A two-phase transaction is about to commit. */
    default void commitTwoPhase(Connection c, String xid, boolean prepared) {
    }

    /** A two-phase transaction is about to roll back. */
    default void rollbackTwoPhase(Connection c, String xid, boolean prepared) {
    }

    // The transaction callbacks below carry the transaction object, whose Transaction.attributes() a listener may
    // use for its own state (a start time, an observation), so that it needs no bookkeeping of its own. The engine
    // calls these; each default calls the connection-and-name callback above, so a listener overrides either form.

    /** A root transaction began; the default calls {@link #begin(Connection)}. */
    default void begin(Transaction tx) {
        begin(tx.connection());
    }

    /** The root transaction is about to commit; the default calls {@link #commit(Connection)}. */
    default void commit(Transaction tx) {
        commit(tx.connection());
    }

    /**
     * The root transaction is about to roll back (also when its connection closes with it open, and after the
     * connection was invalidated inside it, when nothing reaches the database); the default calls
     * {@link #rollback(Connection)}.
     */
    default void rollback(Transaction tx) {
        rollback(tx.connection());
    }

    /** A savepoint is about to be created; the default calls {@link #savepoint(Connection, String)}. */
    default void savepoint(NestedTransaction sp) {
        savepoint(sp.connection(), sp.savepointName());
    }

    /** The connection is about to roll back to a savepoint; the default calls the connection-and-name form. */
    default void rollbackSavepoint(NestedTransaction sp) {
        rollbackSavepoint(sp.connection(), sp.savepointName());
    }

    /** A savepoint is about to be released; the default calls the connection-and-name form. */
    default void releaseSavepoint(NestedTransaction sp) {
        releaseSavepoint(sp.connection(), sp.savepointName());
    }

    /** A two-phase transaction began; the default calls {@link #beginTwoPhase(Connection, String)}. */
    default void beginTwoPhase(TwoPhaseTransaction tx) {
        beginTwoPhase(tx.connection(), tx.xid());
    }

    /** A two-phase transaction is about to be prepared; the default calls the connection-and-xid form. */
    default void prepareTwoPhase(TwoPhaseTransaction tx) {
        prepareTwoPhase(tx.connection(), tx.xid());
    }

    /** A two-phase transaction is about to commit; the default calls the connection-and-xid form. */
    default void commitTwoPhase(TwoPhaseTransaction tx) {
        commitTwoPhase(tx.connection(), tx.xid(), tx.isPrepared());
    }

    /** A two-phase transaction is about to roll back; the default calls the connection-and-xid form. */
    default void rollbackTwoPhase(TwoPhaseTransaction tx) {
        rollbackTwoPhase(tx.connection(), tx.xid(), tx.isPrepared());
    }

    /** {@link Connection#executionOptions(ExecutionOptions)} was called; {@code o} holds only the new options. */
    default void setConnectionExecutionOptions(Connection c, ExecutionOptions o) {
    }

    /** {@link Engine#executionOptions(ExecutionOptions)} created option engine {@code e}. */
    default void setEngineExecutionOptions(Engine e, ExecutionOptions o) {
    }

    /** {@link Engine#dispose()} was called. */
    default void engineDisposed(Engine e) {
    }
}
