package dev.retort.engine.event;

import dev.retort.engine.Connection;
import dev.retort.engine.exc.EngineException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * The context of {@link ConnectionListener#handleError}, SQLAlchemy's {@code ExceptionContext}. A listener may
 * change {@link #setDisconnect(boolean) the disconnect decision}, keep the rest of the pool alive with
 * {@link #setInvalidatePoolOnDisconnect(boolean)}, or {@link #replaceWith(RuntimeException) replace the exception}.
 */
public final class ErrorEvent {

    private final @Nullable Connection connection;
    private final @Nullable CursorEvent cursor;
    private final EngineException exception;
    private final @Nullable SQLException original;
    private final @Nullable String sql;
    private final @Nullable Object parameters;
    private boolean disconnect;
    private boolean invalidatePoolOnDisconnect = true;
    private @Nullable RuntimeException replacement;

    /** Created by the engine, for an error outside a statement execution. */
    public ErrorEvent(@Nullable Connection connection, EngineException exception, @Nullable SQLException original,
            @Nullable String sql, @Nullable Object parameters, boolean disconnect) {
        this(connection, exception, original, sql, parameters, disconnect, null);
    }

    /** Created by the engine; {@code cursor} is the event of the statement execution that failed, if one did. */
    public ErrorEvent(@Nullable Connection connection, EngineException exception, @Nullable SQLException original,
            @Nullable String sql, @Nullable Object parameters, boolean disconnect, @Nullable CursorEvent cursor) {
        this.cursor = cursor;
        this.connection = connection;
        this.exception = exception;
        this.original = original;
        this.sql = sql;
        this.parameters = parameters;
        this.disconnect = disconnect;
    }

    /**
     * The cursor event of the statement execution that failed (the same object its {@code beforeCursorExecute} saw,
     * with {@link CursorEvent#elapsed()} set), or {@code null} when the error came from elsewhere: commit, rollback,
     * savepoints, fetching rows, connecting. Lets a listener end what it started for that execution.
     */
    public @Nullable CursorEvent cursorEvent() {
        return cursor;
    }

    /** The connection, or {@code null} when the error happened while connecting. */
    public @Nullable Connection connection() {
        return connection;
    }

    /** The typed exception the engine would raise. */
    public EngineException exception() {
        return exception;
    }

    /** The driver's exception, or {@code null} for errors that did not come from the driver. */
    public @Nullable SQLException original() {
        return original;
    }

    /** The SQL that failed, or {@code null}. */
    public @Nullable String sql() {
        return sql;
    }

    /** Its parameters, or {@code null}. */
    public @Nullable Object parameters() {
        return parameters;
    }

    /** Whether the engine considers the connection lost. */
    public boolean isDisconnect() {
        return disconnect;
    }

    /** Overrides the disconnect decision. */
    public void setDisconnect(boolean disconnect) {
        this.disconnect = disconnect;
    }

    /** Whether a disconnect also soft-invalidates every other pooled connection (default true). */
    public boolean invalidatePoolOnDisconnect() {
        return invalidatePoolOnDisconnect;
    }

    /** Sets whether a disconnect also soft-invalidates every other pooled connection. */
    public void setInvalidatePoolOnDisconnect(boolean invalidatePool) {
        this.invalidatePoolOnDisconnect = invalidatePool;
    }

    /** Raises this exception instead of the engine's. */
    public void replaceWith(RuntimeException replacement) {
        this.replacement = replacement;
    }

    /** The replacement set by a listener, or {@code null}. */
    public @Nullable RuntimeException replacement() {
        return replacement;
    }
}
