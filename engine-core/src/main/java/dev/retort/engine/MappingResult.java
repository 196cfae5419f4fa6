package dev.retort.engine;

import java.util.Map;

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
    Object nextElement() {
        Row row = result.nextRow();
        return row == null ? END : row.asMap();
    }

    @Override
    public void close() {
        result.close();
    }
}
