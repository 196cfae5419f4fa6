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

    @Override
    @Nullable Object nextElement() {
        Object value = result.nextValue(index);
        return type == null || value == END ? value : Conversions.convert(value, type, result.key(index));
    }

    @Override
    public void close() {
        result.close();
    }
}
