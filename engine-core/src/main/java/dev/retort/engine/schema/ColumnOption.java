package dev.retort.engine.schema;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A column property given to {@link Table}'s {@code column(name, type, options...)}; the static factories have the
 * names of {@link Column}'s copying modifiers.
 */
public final class ColumnOption {

    enum Kind { PRIMARY_KEY, NOT_NULL, UNIQUE, INDEX, AUTOINCREMENT, SERVER_DEFAULT, REFERENCES }

    final Kind kind;
    final @Nullable Object argument;

    private ColumnOption(Kind kind, @Nullable Object argument) {
        this.kind = kind;
        this.argument = argument;
    }

    /** Part of the primary key (implies NOT NULL). */
    public static ColumnOption primaryKey() {
        return new ColumnOption(Kind.PRIMARY_KEY, null);
    }

    /** {@code NOT NULL}. */
    public static ColumnOption notNull() {
        return new ColumnOption(Kind.NOT_NULL, null);
    }

    /** A {@code UNIQUE} constraint on this column. */
    public static ColumnOption unique() {
        return new ColumnOption(Kind.UNIQUE, null);
    }

    /** An index {@code ix_<table>_<column>} on this column. */
    public static ColumnOption index() {
        return new ColumnOption(Kind.INDEX, null);
    }

    /**
     * Whether the database generates the value (SERIAL, AUTO_INCREMENT, IDENTITY). By default a lone INTEGER or
     * BIGINT primary key is autoincrement.
     */
    public static ColumnOption autoincrement(boolean enabled) {
        return new ColumnOption(Kind.AUTOINCREMENT, enabled);
    }

    /** A server-side default, rendered as {@code DEFAULT sql}. */
    public static ColumnOption serverDefault(String sql) {
        return new ColumnOption(Kind.SERVER_DEFAULT, Objects.requireNonNull(sql, "sql"));
    }

    /** A foreign key to {@code "table.column"} (or {@code "schema.table.column"}) of the same {@link MetaData}. */
    public static ColumnOption references(String target) {
        return new ColumnOption(Kind.REFERENCES, Objects.requireNonNull(target, "target"));
    }

    /** A foreign key to {@code column}. */
    public static ColumnOption references(Column<?> column) {
        return new ColumnOption(Kind.REFERENCES, Objects.requireNonNull(column, "column"));
    }
}
