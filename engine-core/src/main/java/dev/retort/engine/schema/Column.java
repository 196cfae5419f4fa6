package dev.retort.engine.schema;

import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.sql.ColumnElement;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A table column with a {@link SqlType}: an expression whose values are of {@code T}. Immutable; the modifiers return
 * copies. Columns compare by value: name, type, key properties and their table's definition.
 *
 * @param <T> the Java type of the values
 */
public final class Column<T> implements ColumnElement<T> {

    private final String name;
    private final SqlType<T> type;
    private final @Nullable Table table;
    private final boolean primaryKey;
    private final boolean notNull;
    private final boolean unique;
    private final boolean index;
    private final @Nullable Boolean autoincrement;
    private final @Nullable String serverDefault;
    private final @Nullable Object references;
    private int definitionHash;

    private Column(String name, SqlType<T> type, @Nullable Table table, boolean primaryKey, boolean notNull,
            boolean unique, boolean index, @Nullable Boolean autoincrement, @Nullable String serverDefault,
            @Nullable Object references) {
        this.name = name;
        this.type = type;
        this.table = table;
        this.primaryKey = primaryKey;
        this.notNull = notNull;
        this.unique = unique;
        this.index = index;
        this.autoincrement = autoincrement;
        this.serverDefault = serverDefault;
        this.references = references;
    }

    /** A column not yet part of a table; pass it to {@link Table}'s constructor. */
    public static <T> Column<T> of(String name, SqlType<T> type) {
        if (name == null || name.isEmpty()) {
            throw new ArgumentException("A column needs a non-empty name");
        }
        return new Column<>(name, Objects.requireNonNull(type, "type"), null, false, false, false, false, null, null,
                null);
    }

    /** A copy that is part of the primary key. */
    public Column<T> primaryKey() {
        return new Column<>(name, type, table, true, notNull, unique, index, autoincrement, serverDefault, references);
    }

    /** A copy that is {@code NOT NULL}. */
    public Column<T> notNull() {
        return new Column<>(name, type, table, primaryKey, true, unique, index, autoincrement, serverDefault,
                references);
    }

    /** A copy with a {@code UNIQUE} constraint. */
    public Column<T> unique() {
        return new Column<>(name, type, table, primaryKey, notNull, true, index, autoincrement, serverDefault,
                references);
    }

    /** A copy with an index {@code ix_<table>_<column>}. */
    public Column<T> index() {
        return new Column<>(name, type, table, primaryKey, notNull, unique, true, autoincrement, serverDefault,
                references);
    }

    /** A copy whose value the database generates ({@code true}) or never generates ({@code false}). */
    public Column<T> autoincrement(boolean enabled) {
        return new Column<>(name, type, table, primaryKey, notNull, unique, index, enabled, serverDefault, references);
    }

    /** A copy with a server-side default, rendered as {@code DEFAULT sql}. */
    public Column<T> serverDefault(String sql) {
        return new Column<>(name, type, table, primaryKey, notNull, unique, index, autoincrement,
                Objects.requireNonNull(sql, "sql"), references);
    }

    /** A copy with a foreign key to {@code "table.column"} (or {@code "schema.table.column"}) of the same metadata. */
    public Column<T> references(String target) {
        return new Column<>(name, type, table, primaryKey, notNull, unique, index, autoincrement, serverDefault,
                Objects.requireNonNull(target, "target"));
    }

    /** A copy with a foreign key to {@code column}. */
    public Column<T> references(Column<?> column) {
        return new Column<>(name, type, table, primaryKey, notNull, unique, index, autoincrement, serverDefault,
                Objects.requireNonNull(column, "column"));
    }

    Column<T> with(ColumnOption option) {
        return switch (option.kind) {
            case PRIMARY_KEY -> primaryKey();
            case NOT_NULL -> notNull();
            case UNIQUE -> unique();
            case INDEX -> index();
            case AUTOINCREMENT -> autoincrement((Boolean) option.argument);
            case SERVER_DEFAULT -> serverDefault((String) option.argument);
            case REFERENCES -> option.argument instanceof Column<?> c ? references(c) : references((String) option.argument);
        };
    }

    Column<T> attachTo(Table owner) {
        if (table != null && table != owner) {
            throw new ArgumentException("Column '" + name + "' already belongs to table '" + table.name()
                    + "'; create a new one with Column.of(\"" + name + "\", type) for table '" + owner.name() + "'");
        }
        return new Column<>(name, type, owner, primaryKey, notNull, unique, index, autoincrement, serverDefault,
                references);
    }

    /** The column name. */
    public String name() {
        return name;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    /** The table this column belongs to, or {@code null} for a column not (yet) part of one. */
    public @Nullable Table table() {
        return table;
    }

    /** Whether the column accepts NULL: not when it is {@code NOT NULL} or part of the primary key. */
    public boolean isNullable() {
        return !notNull && !primaryKey;
    }

    /** Whether the column is part of the primary key. */
    public boolean isPrimaryKey() {
        return primaryKey;
    }

    /**
     * Whether the database generates the value: set explicitly, or by default when the column is its table's only
     * primary-key column and an INTEGER or BIGINT.
     */
    public boolean isAutoincrement() {
        if (autoincrement != null) {
            return autoincrement && primaryKey;
        }
        if (!primaryKey || table == null || table.primaryKeyColumns().size() != 1) {
            return false;
        }
        return type.kind() == SqlType.Kind.INTEGER || type.kind() == SqlType.Kind.BIGINT;
    }

    /** The column this one's foreign key references, if it has one. */
    public Optional<Column<?>> referencedColumn() {
        if (references == null) {
            return Optional.empty();
        }
        if (references instanceof Column<?> c) {
            return Optional.of(c);
        }
        String target = (String) references;
        int dot = target.lastIndexOf('.');
        if (dot <= 0 || table == null) {
            throw new ArgumentException("Foreign key '" + target + "' of column '" + name + "' must be written "
                    + "\"table.column\" and the column must belong to a table");
        }
        String tableName = target.substring(0, dot);
        Table referenced = table.metadata().table(tableName).orElseThrow(() -> new ArgumentException("Foreign key '"
                + target + "' of column '" + table.name() + "." + name + "' names table '" + tableName
                + "', which is not in the same MetaData; declare it there first"));
        return Optional.of(referenced.c(target.substring(dot + 1)));
    }

    boolean isUnique() {
        return unique;
    }

    boolean isIndexed() {
        return index;
    }

    @Nullable String serverDefaultSql() {
        return serverDefault;
    }

    /** Equality of the definitions, ignoring the table (used by table equality). */
    boolean sameDefinition(Column<?> o) {
        return name.equals(o.name) && type.equals(o.type) && primaryKey == o.primaryKey && notNull == o.notNull
                && Objects.equals(autoincrement, o.autoincrement);
    }

    int definitionHash() {
        int h = definitionHash;
        if (h == 0) {
            h = Objects.hash(name, type, primaryKey, notNull, autoincrement) | 1;
            definitionHash = h;
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof Column<?> other && sameDefinition(other)
                && (table == null ? other.table == null : other.table != null && table.equals(other.table));
    }

    @Override
    public int hashCode() {
        return definitionHash() * 31 + (table == null ? 0 : table.hashCode());
    }

    @Override
    public String toString() {
        return table == null ? name : table.name() + "." + name;
    }
}
