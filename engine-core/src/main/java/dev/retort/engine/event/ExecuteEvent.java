package dev.retort.engine.event;

import dev.retort.engine.Connection;
import dev.retort.engine.Executable;
import dev.retort.engine.ExecutionOptions;
import java.util.Map;

/**
 * The statement-level event of {@link ConnectionListener#beforeExecute} and {@link ConnectionListener#afterExecute}.
 * Only created when a listener is registered.
 */
public final class ExecuteEvent {

    private final Connection connection;
    private final ExecutionOptions executionOptions;
    private Executable statement;
    private Object parameters;

    /** Created by the engine. */
    public ExecuteEvent(Connection connection, Executable statement, Object parameters, ExecutionOptions options) {
        this.connection = connection;
        this.statement = statement;
        this.parameters = parameters;
        this.executionOptions = options;
    }

    /** The connection executing. */
    public Connection connection() {
        return connection;
    }

    /** The statement. */
    public Executable statement() {
        return statement;
    }

    /** A {@code Map<String,?>} for one parameter set, a {@code List<Map<String,?>>} for executemany. */
    public Object parameters() {
        return parameters;
    }

    /** The merged execution options in force. */
    public ExecutionOptions executionOptions() {
        return executionOptions;
    }

    /** {@link Connection#info()} of the connection. */
    public Map<String, Object> info() {
        return connection.info();
    }

    /** Replaces the statement ({@code beforeExecute} only). */
    public void setStatement(Executable statement) {
        this.statement = statement;
    }

    /** Replaces the parameters ({@code beforeExecute} only): a map, or a list of maps. */
    public void setParameters(Object parameters) {
        this.parameters = parameters;
    }
}
