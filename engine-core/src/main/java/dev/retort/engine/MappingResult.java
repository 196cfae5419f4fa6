package dev.retort.engine;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Result} whose elements are {@code Map<String,Object>} of label to value, SQLAlchemy's
 * {@code MappingResult}.
 */
public final class MappingResult extends FetchResult<Map<String, Object>> {

    private final Result result;

    MappingResult(Result result) {
        this.result = result;
    }

    @Override
    @Nullable Row nextRow() {
        return result.nextRow();
    }

    @Override
    Map<String, Object> element(Row row) {
        return row.asMap();
    }

    @Override
    public void close() {
        result.close();
    }
}
