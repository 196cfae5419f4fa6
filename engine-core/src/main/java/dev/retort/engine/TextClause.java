package dev.retort.engine;

import dev.retort.engine.internal.ParsedSql;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Textual SQL with {@code :name} bind parameters, created by {@link Sql#text(String)}. Immutable; the parse into
 * JDBC {@code ?} form is done once and remembered (unless the query cache is disabled).
 */
public final class TextClause implements Executable {

    private final String text;
    private final ExecutionOptions options;
    private @Nullable ParsedSql parsed;

    TextClause(String text, ExecutionOptions options) {
        this.text = Objects.requireNonNull(text, "text");
        this.options = options;
    }

    /** The SQL as written. */
    public String text() {
        return text;
    }

    @Override
    public ExecutionOptions executionOptions() {
        return options;
    }

    /**
     * Returns a copy with these options merged over the clause's own. {@code isolation_level} is refused here, as in
     * SQLAlchemy: it is a connection or engine option.
     */
    public TextClause executionOptions(ExecutionOptions more) {
        if (more.isolationLevelName() != null) {
            throw Connection.isolationOnStatement();
        }
        TextClause copy = new TextClause(text, options.merge(more));
        copy.parsed = parsed;
        return copy;
    }

    @Nullable ParsedSql cachedParse() {
        return parsed;
    }

    void rememberParse(ParsedSql parse) {
        this.parsed = parse;
    }

    @Override
    public String toString() {
        return text;
    }
}
