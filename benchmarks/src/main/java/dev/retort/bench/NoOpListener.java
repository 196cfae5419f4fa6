package dev.retort.bench;

import dev.retort.engine.event.ConnectionListener;

/** A connection listener that overrides every statement hook and does nothing: the cost of dispatch alone. */
final class NoOpListener implements ConnectionListener {

    static volatile int sink;

    @Override
    public void beforeExecute(dev.retort.engine.event.ExecuteEvent e) {
    }

    @Override
    public void afterExecute(dev.retort.engine.event.ExecuteEvent e, dev.retort.engine.Result result) {
    }

    @Override
    public void beforeCursorExecute(dev.retort.engine.event.CursorEvent e) {
    }

    @Override
    public void afterCursorExecute(dev.retort.engine.event.CursorEvent e) {
    }
}
