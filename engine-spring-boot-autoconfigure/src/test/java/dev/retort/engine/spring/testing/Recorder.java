package dev.retort.engine.spring.testing;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.Result;
import dev.retort.engine.event.ConnectionListener;
import dev.retort.engine.event.CursorEvent;
import dev.retort.engine.event.ErrorEvent;
import dev.retort.engine.event.ExecuteEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that records the name of every connection event, in order. */
public final class Recorder implements ConnectionListener {

    /** The recorded events, e.g. {@code begin}, {@code beforeExecute}, {@code savepoint:sa_savepoint_1}. */
    public final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void engineConnect(Connection conn) {
        events.add("engineConnect");
    }

    @Override
    public void beforeExecute(ExecuteEvent e) {
        events.add("beforeExecute");
    }

    @Override
    public void afterExecute(ExecuteEvent e, Result result) {
        events.add("afterExecute");
    }

    @Override
    public void beforeCursorExecute(CursorEvent e) {
        events.add("beforeCursorExecute");
    }

    @Override
    public void afterCursorExecute(CursorEvent e) {
        events.add("afterCursorExecute");
    }

    @Override
    public void handleError(ErrorEvent e) {
        events.add("handleError");
    }

    @Override
    public void begin(Connection c) {
        events.add("begin");
    }

    @Override
    public void commit(Connection c) {
        events.add("commit");
    }

    @Override
    public void rollback(Connection c) {
        events.add("rollback");
    }

    @Override
    public void savepoint(Connection c, String name) {
        events.add("savepoint:" + name);
    }

    @Override
    public void rollbackSavepoint(Connection c, String name) {
        events.add("rollbackSavepoint:" + name);
    }

    @Override
    public void releaseSavepoint(Connection c, String name) {
        events.add("releaseSavepoint:" + name);
    }

    @Override
    public void beginTwoPhase(Connection c, String xid) {
        events.add("beginTwoPhase");
    }

    @Override
    public void prepareTwoPhase(Connection c, String xid) {
        events.add("prepareTwoPhase");
    }

    @Override
    public void commitTwoPhase(Connection c, String xid, boolean prepared) {
        events.add("commitTwoPhase:" + prepared);
    }

    @Override
    public void rollbackTwoPhase(Connection c, String xid, boolean prepared) {
        events.add("rollbackTwoPhase:" + prepared);
    }

    @Override
    public void setConnectionExecutionOptions(Connection c, ExecutionOptions o) {
        events.add("setConnectionExecutionOptions");
    }

    @Override
    public void setEngineExecutionOptions(Engine e, ExecutionOptions o) {
        events.add("setEngineExecutionOptions");
    }

    @Override
    public void engineDisposed(Engine e) {
        events.add("engineDisposed");
    }

    /** Forgets what was recorded. */
    public void clear() {
        events.clear();
    }
}
