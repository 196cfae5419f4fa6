package dev.retort.engine;

import dev.retort.engine.exc.ResourceClosedException;
import dev.retort.engine.internal.ClauseShape;
import dev.retort.engine.internal.ParsedSql;
import dev.retort.engine.internal.RowMapperPlan;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The result of executing a statement, SQLAlchemy's {@code CursorResult}. Rows are read from the JDBC cursor as they
 * are fetched; nothing is buffered unless asked for. Exhausting the rows closes the JDBC {@code ResultSet} and
 * {@code Statement} (later fetches return nothing); {@link #close()} closes them at once (later fetches raise
 * {@link ResourceClosedException}). A DML result has no rows, only {@link #rowCount()}.
 */
public final class Result extends FetchResult<Row> {

    private final Connection connection;
    private final @Nullable ExecutionContext context;
    private @Nullable Statement statement;
    private @Nullable ResultSet resultSet;
    /** The cursor's columns: how each is read. */
    private final ResultMetadata cursorShape;
    /** The columns rows are shown with: the cursor's, or those chosen by {@link #columns}. */
    private ResultMetadata metadata;
    private final boolean returnsRows;
    private final long rowCount;
    private final @Nullable Row insertedKey;
    private final boolean insert;
    private boolean exhausted;
    private boolean hardClosed;
    private int @Nullable [] projection;
    private @Nullable Set<Row> seen;
    private @Nullable Connection ownedConnection;
    private long fetched;

    private Result(Connection connection, @Nullable ExecutionContext context, @Nullable Statement statement,
            @Nullable ResultSet resultSet, ResultMetadata metadata, boolean returnsRows, long rowCount,
            @Nullable Row insertedKey, boolean insert) {
        this.connection = connection;
        this.context = context;
        this.statement = statement;
        this.resultSet = resultSet;
        this.cursorShape = metadata;
        this.metadata = metadata;
        this.returnsRows = returnsRows;
        this.rowCount = rowCount;
        this.insertedKey = insertedKey;
        this.insert = insert;
        this.exhausted = !returnsRows;
    }

    static Result forRows(ExecutionContext context, Statement statement, ResultSet rs, @Nullable ParsedSql parsed)
            throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        // Results of one statement usually have the same columns: reuse the metadata (and with it the name maps and
        // row-mapping plans) of the previous result when every label matches.
        boolean viaUtc = context.connection().dialect().shiftsLocalDateTimes();
        ClauseShape clause = parsed != null ? parsed.clause() : null;
        if (clause != null && clause.keys() != null && clause.keys().length == n) {
            // a compiled statement: its own keys and Java types, over this cursor's readers
            ResultMetadata declared = parsed.resultShape() instanceof ResultMetadata previous
                    && previous.sameCursor(md, n, viaUtc) ? previous : null;
            if (declared == null) {
                declared = ResultMetadata.of(md, n, viaUtc).declared(clause.keys(), clause.types(),
                        clause.elements());
                parsed.resultShape(declared);
            }
            return new Result(context.connection(), context, statement, rs, declared, true, -1, null, false);
        }
        ResultMetadata metadata = parsed != null && parsed.resultShape() instanceof ResultMetadata previous
                && previous.matches(md, n, viaUtc) ? previous : null;
        if (metadata == null) {
            metadata = ResultMetadata.of(md, n, viaUtc);
            if (parsed != null) {
                parsed.resultShape(metadata);
            }
        }
        return new Result(context.connection(), context, statement, rs, metadata, true, -1, null, false);
    }

    static Result forUpdate(Connection connection, long rowCount, @Nullable Row insertedKey, boolean insert) {
        return new Result(connection, null, null, null, ResultMetadata.NONE, false, rowCount, insertedKey, insert);
    }

    static @Nullable Row generatedKey(Statement st) throws SQLException {
        try (ResultSet keys = st.getGeneratedKeys()) {
            if (keys == null || !keys.next()) {
                return null;
            }
            ResultSetMetaData md = keys.getMetaData();
            int n = md.getColumnCount();
            String[] labels = new String[n];
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                labels[i] = md.getColumnLabel(i + 1);
                values[i] = keys.getObject(i + 1);
            }
            return new Row(new ResultMetadata(labels), values);
        }
    }

    /**
     * The primary key of a row a compiled INSERT added: each key column from the JDBC arguments when the statement
     * supplied it, else from the database's row ({@code generated}: generated keys or RETURNING), by name or position.
     */
    static @Nullable Row insertedKey(ClauseShape clause, @Nullable Row generated, Object parameters) {
        String[] names = clause.primaryKeyNames();
        if (names.length == 0) {
            return null;
        }
        Object[] args = parameters instanceof Object[] a ? a : new Object[0];
        Object[] values = new Object[names.length];
        int next = 0;
        for (int i = 0; i < names.length; i++) {
            int arg = clause.primaryKeyArguments()[i];
            Object value;
            if (arg >= 0 && arg < args.length) {
                value = args[arg];
            } else if (generated == null) {
                value = null;
            } else if (generated.metadata().has(names[i])) {
                value = generated.get(names[i]);
            } else {
                value = next < generated.size() ? generated.get(next++) : null;
            }
            values[i] = dev.retort.engine.internal.Conversions.convert(value, clause.primaryKeyTypes()[i]);
        }
        return new Row(new ResultMetadata(names, clause.primaryKeyTypes()), values);
    }

    /** Reads the first row of a result set (RETURNING of a generated key) and closes it. */
    static @Nullable Row firstRow(ResultSet rs) throws SQLException {
        try (rs) {
            if (!rs.next()) {
                return null;
            }
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            String[] labels = new String[n];
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                labels[i] = md.getColumnLabel(i + 1);
                values[i] = rs.getObject(i + 1);
            }
            return new Row(new ResultMetadata(labels), values);
        }
    }

    void closeConnectionWithResult(Connection owner) {
        if (exhausted) {
            owner.close();
        } else {
            ownedConnection = owner;
        }
    }

    /** Raises when the result cannot be read; returns whether it is exhausted. */
    private boolean exhaustedOrRaise() {
        if (hardClosed) {
            throw new ResourceClosedException("This result object is closed.");
        }
        if (!returnsRows) {
            throw new ResourceClosedException("This result object does not return rows. It has been closed "
                    + "automatically.");
        }
        if (!exhausted && connection.isClosed()) {
            release();
            throw connectionClosed(null);
        }
        return exhausted;
    }

    private static ResourceClosedException connectionClosed(@Nullable SQLException cause) {
        String message = "This result's connection was closed before its rows were read; read the rows (all(), "
                + "as(), fetchMany()) before closing the connection";
        return cause == null ? new ResourceClosedException(message) : new ResourceClosedException(message, cause);
    }

    /** The next row (after {@link #unique()} and {@link #columns}), or {@code null} when exhausted. */
    @Nullable Row nextRow() {
        if (exhaustedOrRaise()) {
            return null;
        }
        ResultSet rs = resultSet;
        try {
            while (rs.next()) {
                int n = metadata.size();
                Object[] values = new Object[n];
                for (int i = 0; i < n; i++) {
                    values[i] = cursorShape.value(rs, projection == null ? i : projection[i]);
                }
                Row row = new Row(metadata, values);
                fetched++;
                if (seen == null || seen.add(row)) {
                    return row;
                }
            }
        } catch (SQLException e) {
            throw fetchError(e);
        }
        release();
        return null;
    }

    @Override
    Object nextElement() {
        Row row = nextRow();
        return row == null ? END : row;
    }

    /**
     * A driver error while reading rows: the cursor is released; when this result's connection was closed meanwhile
     * (which closes its cursors) the error is a {@link ResourceClosedException}, otherwise the execution that produced
     * the rows handles it.
     */
    private RuntimeException fetchError(SQLException e) {
        release();
        return connection.isClosed() ? connectionClosed(e) : fetchFailed(e);
    }

    /**
     * Reads one column of the next row, for {@link ScalarResult}: only that column is fetched from the driver unless
     * {@link #unique()} or {@link #columns} filter whole rows. {@link #END} at the end.
     */
    @Nullable Object nextValue(int column) {
        if (projection != null || seen != null) {
            Row row = nextRow();
            return row == null ? END : row.get(column);
        }
        if (exhaustedOrRaise()) {
            return END;
        }
        if (column < 0 || column >= metadata.size()) {
            throw new dev.retort.engine.exc.InvalidRequestException("Column index " + column + " out of range; the "
                    + "result has " + metadata.size() + " columns: " + String.join(", ", metadata.keys()));
        }
        try {
            if (resultSet.next()) {
                fetched++;
                return cursorShape.value(resultSet, column);
            }
        } catch (SQLException e) {
            throw fetchError(e);
        }
        release();
        return END;
    }

    /** The label of column {@code index}, or {@code null} when there is no such column. */
    @Nullable String key(int index) {
        String[] keys = metadata.keys();
        return index >= 0 && index < keys.length ? keys[index] : null;
    }

    /** A driver error while reading rows, handled by the execution that produced them. */
    private RuntimeException fetchFailed(SQLException e) {
        return context != null ? context.fetchFailed(e)
                : connection.handleError(e, null, null, connection.engine().listeners());
    }

    private void release() {
        boolean wasOpen = statement != null;
        exhausted = true;
        Statement st = statement;
        statement = null;
        resultSet = null;
        if (st != null) {
            try {
                st.close();
            } catch (SQLException e) {
                Engine.LOG.warn("Error closing cursor", e);
            }
        }
        if (wasOpen) {
            for (dev.retort.engine.event.ConnectionListener l : connection.engine().listeners()) {
                l.resultClosed(this, fetched);
            }
        }
        Connection owned = ownedConnection;
        ownedConnection = null;
        if (owned != null) {
            owned.close();
        }
    }

    /** Closes the cursor now; further fetches raise {@link ResourceClosedException}. */
    @Override
    public void close() {
        if (!hardClosed) {
            hardClosed = true;
            release();
        }
    }

    /** Whether the cursor is closed (exhausted or explicitly). */
    public boolean isClosed() {
        return exhausted || hardClosed;
    }

    /** The first column of the first row, or {@code null}; closes the result. */
    public @Nullable Object scalar() {
        try {
            Row row = nextRow();
            return row == null ? null : row.get(0);
        } finally {
            close();
        }
    }

    /** The first column of the first row converted to {@code type}, or {@code null}; closes the result. */
    public <T> @Nullable T scalar(Class<T> type) {
        return dev.retort.engine.internal.Conversions.convert(scalar(), type, key(0));
    }

    /** The first column of exactly one row. */
    public @Nullable Object scalarOne() {
        return scalars().one();
    }

    /** The first column of at most one row. */
    public Optional<Object> scalarOneOrNone() {
        return scalars().oneOrNone();
    }

    /** The first column of every row. */
    public ScalarResult<Object> scalars() {
        return new ScalarResult<>(this, 0, null);
    }

    /** Column {@code index} (0-based) of every row. */
    public ScalarResult<Object> scalars(int index) {
        return new ScalarResult<>(this, index, null);
    }

    /** The first column of every row, converted to {@code type}. */
    public <T> ScalarResult<T> scalars(Class<T> type) {
        return new ScalarResult<>(this, 0, type);
    }

    /** Rows as {@code Map<String,Object>}. */
    public MappingResult mappings() {
        return new MappingResult(this);
    }

    /**
     * Every remaining row mapped to a record or bean by column name. Reads straight from the cursor with each column's
     * typed getter into the constructor (no {@link Row}, no array, no boxing per row) unless {@link #unique()} or
     * {@link #columns} filter the rows.
     */
    public <T> List<T> as(Class<T> type) {
        if (!readsCursorDirectly()) {
            List<T> out = new ArrayList<>();
            try {
                for (Row row = nextRow(); row != null; row = nextRow()) {
                    out.add(row.as(type));
                }
            } catch (RuntimeException | Error e) {
                if (!hardClosed) {
                    release();
                }
                throw e;
            }
            return out;
        }
        List<T> out = new ArrayList<>();
        ResultSet rs = resultSet;
        try {
            RowMapperPlan<T> plan = metadata.plan(type);
            while (rs.next()) {
                fetched++;
                out.add(plan.map(rs));
            }
        } catch (SQLException e) {
            throw fetchError(e);
        } catch (RuntimeException | Error e) {
            release(); // a mapping error must not keep the cursor (or a connectionless result's connection)
            throw e;
        }
        release();
        return out;
    }

    /** Every remaining row mapped to a record or bean by column name (the same as {@link #as(Class)}). */
    public <T> List<T> all(Class<T> type) {
        return as(type);
    }

    /**
     * The first row mapped to a record or bean by column name, if any; the result is closed afterwards. Reads
     * straight from the cursor like {@link #as(Class)}.
     */
    public <T> Optional<T> first(Class<T> type) {
        try {
            if (!readsCursorDirectly()) {
                Row row = nextRow();
                return row == null ? Optional.empty() : Optional.of(row.as(type));
            }
            return Optional.ofNullable(mapNext(type));
        } finally {
            close();
        }
    }

    /**
     * Exactly one row mapped to a record or bean by column name; the result is closed afterwards. Reads straight
     * from the cursor like {@link #as(Class)}.
     *
     * @throws dev.retort.engine.exc.NoResultFoundException when there is none
     * @throws dev.retort.engine.exc.MultipleResultsFoundException when there are several
     */
    public <T> T one(Class<T> type) {
        T value = atMostOne(type, true);
        if (value == null) {
            throw noResult();
        }
        return value;
    }

    /**
     * At most one row mapped to a record or bean by column name; the result is closed afterwards.
     *
     * @throws dev.retort.engine.exc.MultipleResultsFoundException when there are several
     */
    public <T> Optional<T> oneOrNone(Class<T> type) {
        return Optional.ofNullable(atMostOne(type, false));
    }

    private <T> @Nullable T atMostOne(Class<T> type, boolean exactlyOne) {
        try {
            if (!readsCursorDirectly()) {
                Row row = nextRow();
                if (row != null && nextRow() != null) {
                    throw exactlyOne ? multipleResults() : multipleResultsForOneOrNone();
                }
                return row == null ? null : row.as(type);
            }
            T value = mapNext(type);
            if (value != null && mapNext(type) != null) {
                throw exactlyOne ? multipleResults() : multipleResultsForOneOrNone();
            }
            return value;
        } finally {
            close();
        }
    }

    /** Maps the next row straight from the cursor, or returns {@code null} (and releases it) at the end. */
    private <T> @Nullable T mapNext(Class<T> type) {
        ResultSet rs = resultSet;
        try {
            if (exhausted || !rs.next()) {
                release();
                return null;
            }
            fetched++;
            return metadata.plan(type).map(rs);
        } catch (SQLException e) {
            throw fetchError(e);
        }
    }

    /**
     * Whether rows can be mapped from the cursor without a {@code Row}: no filter applies and it is open (otherwise
     * the {@code Row} path applies its filters or raises the error the closed state calls for).
     */
    private boolean readsCursorDirectly() {
        return projection == null && seen == null && !exhausted && !hardClosed && !connection.isClosed();
    }

    /** Fetch {@code rows} at a time from the database (sets the JDBC fetch size). */
    public Result yieldPer(int rows) {
        if (resultSet != null) {
            try {
                resultSet.setFetchSize(rows);
            } catch (SQLException e) {
                throw fetchFailed(e);
            }
        }
        return this;
    }

    /** Drops duplicate rows from here on (by value equality). */
    public Result unique() {
        seen = new HashSet<>();
        return this;
    }

    /** Keeps only these columns, in this order, for the rows fetched from here on. */
    public Result columns(String... keys) {
        int[] indexes = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            int local = metadata.indexOf(keys[i]);
            indexes[i] = projection == null ? local : projection[local];
        }
        metadata = metadata.project(projectionIdentity(indexes));
        projection = indexes;
        return this;
    }

    private int[] projectionIdentity(int[] indexes) {
        // metadata.project works on the current metadata's positions
        int[] local = new int[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            local[i] = projection == null ? indexes[i] : indexOf(projection, indexes[i]);
        }
        return local;
    }

    private static int indexOf(int[] array, int value) {
        for (int i = 0; i < array.length; i++) {
            if (array[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** The column labels. */
    public List<String> keys() {
        return List.of(metadata.keys());
    }

    /** Rows affected by DML (the batch total for executemany), or -1 for queries and unknown counts. */
    public long rowCount() {
        return rowCount;
    }

    /** Whether the statement returned rows. */
    public boolean returnsRows() {
        return returnsRows;
    }

    /** Whether the statement was an INSERT. */
    public boolean isInsert() {
        return insert;
    }

    /** The generated keys of a single-row INSERT, if the driver returned any. */
    public Optional<Row> insertedPrimaryKey() {
        return Optional.ofNullable(insertedKey);
    }

    /** The connection that produced this result. */
    public Connection connection() {
        return connection;
    }

    @Override
    public String toString() {
        return returnsRows ? "Result[keys=" + keys() + (isClosed() ? ", closed" : "") + "]"
                : "Result[rowCount=" + rowCount + "]";
    }
}
