package dev.retort.engine;

import dev.retort.engine.event.ConnectionListener;
import dev.retort.engine.event.CursorEvent;
import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.internal.ClauseShape;
import dev.retort.engine.internal.ParsedSql;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One execution of one compiled statement, SQLAlchemy's {@code DefaultExecutionContext} (JDBI's
 * {@code StatementContext}): it resolves parameters in one place, owns the JDBC {@link Statement} in one
 * try/finally, fires the cursor events, builds the {@link Result}, and is what a failure refers to: the
 * {@link CursorEvent} it fired travels with the {@code handleError} event, and a {@link Result} reports fetch errors
 * through it.
 *
 * <p>The entry point for any kind of {@link Executable} is {@link #execute}: SQL in the driver's {@code ?} form with
 * its ordered parameter names ({@link ParsedSql}), parameters as a {@code Map} (named), an {@code Object[]}
 * (positional) or, for executemany, a {@code List} of either.
 */
final class ExecutionContext implements Supplier<List<List<Object>>> {

    private final Connection connection;
    private ParsedSql compiled;
    private Object parameters;
    private boolean many;
    private ExecutionOptions options;
    private ConnectionListener[] listeners;
    private String sql;
    private @Nullable CursorEvent event;
    private @Nullable List<List<Object>> replaced;
    private long start;
    private boolean sent;

    private ExecutionContext(Connection connection) {
        this.connection = connection;
    }

    /**
     * Runs {@code compiled} once (or once per parameter set when {@code many}) and returns its result. Without
     * listeners nothing keeps the context after the run (a {@link Result} only reports through its connection), so
     * the connection's spare one is reused: the execute path allocates no context of its own.
     */
    static Result execute(Connection connection, ParsedSql compiled, Object parameters, boolean many,
            ExecutionOptions options, ConnectionListener[] listeners) {
        boolean reusable = listeners.length == 0;
        ExecutionContext context = reusable ? connection.takeSpareContext() : null;
        if (context == null) {
            context = new ExecutionContext(connection);
        }
        context.compiled = compiled;
        context.parameters = parameters;
        context.many = many;
        context.options = options;
        context.listeners = listeners;
        context.sql = compiled.jdbcSql();
        context.sent = false;
        try {
            return context.run();
        } finally {
            if (reusable) {
                context.parameters = Map.of(); // do not keep the caller's values alive
                connection.spareContext(context);
            }
        }
    }

    private Result run() {
        beforeCursorExecute();
        connection.logStatement(sql, parameters, options);
        Statement st = null;
        Result result;
        try {
            st = createStatement();
            result = send(st);
            if (result.returnsRows()) {
                st = null; // the result closes it when exhausted or closed
            }
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            Connection.closeQuietly(st);
        }
        afterCursorExecute(result);
        return result;
    }

    private void beforeCursorExecute() {
        if (listeners.length == 0) {
            return;
        }
        CursorEvent e = new CursorEvent(connection, sql, this, many, options, compiled.operation().tag(),
                connection.currentTransaction());
        event = e;
        for (ConnectionListener l : listeners) {
            l.beforeCursorExecute(e);
        }
        sql = e.sql();
        if (e.parametersReplaced()) {
            replaced = e.batch();
        }
        start = System.nanoTime();
    }

    private void afterCursorExecute(Result result) {
        CursorEvent e = event;
        if (e != null) {
            e.completed(System.nanoTime() - start, result.returnsRows() ? -1 : result.rowCount());
            for (ConnectionListener l : listeners) {
                l.afterCursorExecute(e);
            }
        }
    }

    private Statement createStatement() throws SQLException {
        java.sql.Connection c = connection.jdbcForStatement();
        Statement st;
        if (options.noParameters()) {
            st = c.createStatement();
        } else if (wantsGeneratedKeys()) {
            String[] keys = options.generatedKeys();
            // named key columns: pgjdbc then appends RETURNING of those only, not RETURNING *
            st = keys != null ? c.prepareStatement(sql, keys) : c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
        } else {
            st = c.prepareStatement(sql);
        }
        int fetch = options.fetchSize();
        if (fetch > 0) {
            connection.dialect().configureStreaming(st, fetch);
        }
        int timeout = connection.statementTimeout(options);
        if (timeout > 0) {
            st.setQueryTimeout(timeout);
        }
        connection.boundNetworkWait(timeout);
        return st;
    }

    /** A single INSERT asks for generated keys unless the {@code generated_keys} option names no column. */
    private boolean wantsGeneratedKeys() {
        String[] keys = options.generatedKeys();
        return compiled.wantsGeneratedKeys() && !many && (keys == null || keys.length > 0);
    }

    /** Binds, sends and reads what the driver answered. */
    private Result send(Statement st) throws SQLException {
        if (options.noParameters()) {
            sent = true;
            return read(st, st.execute(sql));
        }
        PreparedStatement ps = (PreparedStatement) st;
        if (!many) {
            bindRow(ps, 0);
            sent = true;
            return read(ps, ps.execute());
        }
        for (int row = 0, n = rowCount(); row < n; row++) {
            bindRow(ps, row);
            ps.addBatch();
        }
        sent = true;
        return Result.forUpdate(connection, total(ps.executeBatch()), null, false);
    }

    private Result read(Statement st, boolean hasRows) throws SQLException {
        ClauseShape clause = compiled.clause();
        if (hasRows && clause != null && clause.returningKey()) {
            // PostgreSQL's RETURNING of the generated key of a single-row INSERT: the result stays DML
            Row generated = Result.firstRow(st.getResultSet());
            return Result.forUpdate(connection, generated == null ? 0 : 1, Result.insertedKey(clause, generated,
                    parameters), true);
        }
        if (hasRows) {
            return Result.forRows(this, st, st.getResultSet(), compiled);
        }
        long count = st.getUpdateCount();
        Row key = wantsGeneratedKeys() && count == 1 ? Result.generatedKey(st) : null;
        if (clause != null && compiled.operation() == ParsedSql.Operation.INSERT) {
            key = Result.insertedKey(clause, key, parameters);
        }
        return Result.forUpdate(connection, count, key, compiled.operation() == ParsedSql.Operation.INSERT);
    }

    private static long total(int[] counts) {
        long sum = 0;
        for (int n : counts) {
            if (n < 0) {
                return -1;
            }
            sum += n;
        }
        return sum;
    }

    // ------------------------------------------------------------ parameters

    private int rowCount() {
        return replaced != null ? replaced.size() : ((List<?>) parameters).size();
    }

    private void bindRow(PreparedStatement ps, int row) throws SQLException {
        if (replaced != null) {
            List<Object> values = replaced.get(row);
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, toJdbc(values.get(i)));
            }
            return;
        }
        Object source = many ? ((List<?>) parameters).get(row) : parameters;
        for (int i = 0, n = width(source); i < n; i++) {
            ps.setObject(i + 1, toJdbc(parameter(source, i)));
        }
    }

    /** How many values one parameter set binds: its own length when positional, else one per name. */
    private int width(Object source) {
        return source instanceof Object[] positional ? positional.length : compiled.parameterNames().length;
    }

    /** The one place a parameter value is resolved: by position, or by name with a clear error when missing. */
    private @Nullable Object parameter(Object source, int index) {
        if (source instanceof Object[] positional) {
            return positional[index];
        }
        Map<?, ?> map = asMap(source);
        String name = compiled.parameterNames()[index];
        Object value = map.get(name);
        if (value == null && !map.containsKey(name)) {
            throw new ArgumentException("A value is required for bind parameter '" + name + "'; pass it in the "
                    + "parameter map, e.g. Map.of(\"" + name + "\", value)\n[SQL: " + sql + "]");
        }
        return value;
    }

    private static Map<?, ?> asMap(Object parameters) {
        if (parameters instanceof Map<?, ?> map) {
            return map;
        }
        if (parameters instanceof Row row) {
            return row.asMap();
        }
        throw new ArgumentException("Parameters must be a Map<String, ?> (or a list of maps for executemany), not "
                + parameters.getClass().getName());
    }

    private static @Nullable Object toJdbc(@Nullable Object value) {
        return value instanceof Enum<?> e ? e.name() : value;
    }

    /** The positional parameters of every set, for {@link CursorEvent#batch()}; computed only when asked for. */
    @Override
    public List<List<Object>> get() {
        List<?> rows = many ? (List<?>) parameters : List.of(parameters);
        List<List<Object>> batch = new ArrayList<>(rows.size());
        for (Object source : rows) {
            int n = width(source);
            List<Object> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                values.add(parameter(source, i));
            }
            batch.add(values);
        }
        return batch;
    }

    // ------------------------------------------------------------ failures

    private RuntimeException failed(SQLException e) {
        if (event != null) {
            event.completed(System.nanoTime() - start, -1);
        }
        return connection.handleError(e, sql, parameters, listeners, sent, event);
    }

    /** A failure while reading this execution's rows (reported, as SQLAlchemy does, without the statement). */
    RuntimeException fetchFailed(SQLException e) {
        return connection.handleError(e, null, null, connection.engine().listeners(), true, null);
    }

    /** The connection executing. */
    Connection connection() {
        return connection;
    }
}
