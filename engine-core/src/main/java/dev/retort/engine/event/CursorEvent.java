package dev.retort.engine.event;

import dev.retort.engine.Connection;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.Transaction;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The driver-level event of {@link ConnectionListener#beforeCursorExecute} and
 * {@link ConnectionListener#afterCursorExecute}: the SQL exactly as the driver gets it, with positional
 * parameters. The same object is passed to both hooks, so {@link #context()} carries state from one to the other
 * (the timing recipe). Only created when a listener is registered.
 */
public final class CursorEvent {

    private final Connection connection;
    private final ExecutionOptions executionOptions;
    private final boolean executemany;
    private final String operation;
    private final Supplier<List<List<Object>>> batchSource;
    private final @Nullable Transaction transaction;
    private String sql;
    private @Nullable List<List<Object>> batch;
    private boolean parametersReplaced;
    private @Nullable Map<String, Object> context;
    private @Nullable Duration elapsed;
    private long rowCount = -1;

    /**
     * Created by the engine. The positional parameters are computed from {@code batchSource} only if a listener asks
     * for them, so a listener that only times statements costs no parameter lists.
     */
    public CursorEvent(Connection connection, String sql, Supplier<List<List<Object>>> batchSource,
            boolean executemany, ExecutionOptions options, String operation) {
        this(connection, sql, batchSource, executemany, options, operation, null);
    }

    /** Created by the engine; {@code transaction} is the innermost transaction the statement runs in, if any. */
    public CursorEvent(Connection connection, String sql, Supplier<List<List<Object>>> batchSource,
            boolean executemany, ExecutionOptions options, String operation, @Nullable Transaction transaction) {
        this.transaction = transaction;
        this.connection = connection;
        this.sql = sql;
        this.batchSource = batchSource;
        this.executemany = executemany;
        this.executionOptions = options;
        this.operation = operation;
    }

    /** The connection executing. */
    public Connection connection() {
        return connection;
    }

    /**
     * The innermost transaction the statement runs in (the open savepoint, else the root; on a branch of a
     * framework-managed transaction, the transaction of the connection that began it), or {@code null}. Its
     * {@link Transaction#attributes()} hold what listeners keep for it, e.g. an observation to parent the statement's.
     */
    public @Nullable Transaction transaction() {
        return transaction;
    }

    /** The SQL in the driver's {@code ?} form. */
    public String sql() {
        return sql;
    }

    /** The positional parameters (the first set for executemany). */
    public List<Object> parameters() {
        List<List<Object>> rows = batch();
        return rows.isEmpty() ? List.of() : rows.get(0);
    }

    /** Every parameter set of an executemany; a single-element list otherwise. */
    public List<List<Object>> batch() {
        List<List<Object>> rows = batch;
        if (rows == null) {
            rows = batchSource.get();
            batch = rows;
        }
        return rows;
    }

    /** Whether this is an executemany (one JDBC batch). */
    public boolean executemany() {
        return executemany;
    }

    /** The merged execution options in force. */
    public ExecutionOptions executionOptions() {
        return executionOptions;
    }

    /** The statement's operation: {@code select}, {@code insert}, {@code update}, {@code delete}, {@code ddl} or {@code other}. */
    public String operation() {
        return operation;
    }

    /** {@link Connection#info()} of the connection. */
    public Map<String, Object> info() {
        return connection.info();
    }

    /** A map shared between the before and after hooks of this one execution. */
    public Map<String, Object> context() {
        if (context == null) {
            context = new HashMap<>(4);
        }
        return context;
    }

    /** Replaces the SQL that reaches the driver ({@code beforeCursorExecute} only). */
    public void setSql(String sql) {
        this.sql = sql;
    }

    /** Replaces the positional parameters ({@code beforeCursorExecute} only, single executions). */
    public void setParameters(List<Object> parameters) {
        this.batch = List.of(parameters);
        this.parametersReplaced = true;
    }

    /** Whether a listener replaced the parameters (the engine then binds those). */
    public boolean parametersReplaced() {
        return parametersReplaced;
    }

    /** How long the driver took; set before {@code afterCursorExecute}. */
    public @Nullable Duration elapsed() {
        return elapsed;
    }

    /** Rows affected (DML, batch total for executemany), or -1 for queries; set before {@code afterCursorExecute}. */
    public long rowCount() {
        return rowCount;
    }

    /** Called by the engine after execution. */
    public void completed(long elapsedNanos, long rowCount) {
        this.elapsed = Duration.ofNanos(elapsedNanos);
        this.rowCount = rowCount;
    }
}
