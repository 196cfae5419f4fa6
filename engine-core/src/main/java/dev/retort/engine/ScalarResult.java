package dev.retort.engine;

import dev.retort.engine.internal.Conversions;
import org.jspecify.annotations.Nullable;

/**
 * One column of a {@link Result} as plain values, SQLAlchemy's {@code ScalarResult}: the same fetch methods,
 * returning values instead of rows.
 *
 * @param <T> the value type
 */
public final class ScalarResult<T> extends FetchResult<T> {

    private final Result result;
    private final int index;
    private final @Nullable Class<T> type;

    ScalarResult(Result result, int index, @Nullable Class<T> type) {
        this.result = result;
        this.index = index;
        this.type = type;
    }

    private static final ResultMetadata ONE_COLUMN = new ResultMetadata(new String[] {"value"});

    @Override
    @Nullable Row nextRow() {
        Object[] value = result.nextColumn(index);
        return value == null ? null : new Row(ONE_COLUMN, value);
    }

    @Override
    @SuppressWarnings("unchecked")
    T element(Row row) {
        Object value = row.get(0);
        return type == null ? (T) value : Conversions.convert(value, type);
    }

    @Override
    public void close() {
        result.close();
    }
}
