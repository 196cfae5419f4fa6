package dev.retort.engine.schema;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.sql.Alias;
import dev.retort.engine.sql.ColumnElement;
import dev.retort.engine.sql.Delete;
import dev.retort.engine.sql.FromClause;
import dev.retort.engine.sql.Insert;
import dev.retort.engine.sql.Select;
import dev.retort.engine.sql.Update;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A database table, SQLAlchemy's {@code Table}. Declare one either as a subclass whose typed column fields come from
 * {@link #column(String, SqlType, ColumnOption...)}:
 *
 * <pre>{@code
 * final class Users extends Table {
 *     final Column<Integer> id = column("id", INTEGER, primaryKey());
 *     final Column<String> name = column("name", string(50));
 *     Users(MetaData m) { super("users", m); }
 * }
 * }</pre>
 *
 * or dynamically, {@code new Table("t", meta, Column.of("id", INTEGER).primaryKey())}, reading columns with
 * {@link #c(String)}. A table joins its {@link MetaData} when constructed. Tables compare by value (schema, name and
 * column definitions), so equal tables share compiled statements.
 */
public class Table implements FromClause {

    private final String name;
    private final @Nullable String schema;
    private final MetaData metadata;
    private final List<Column<?>> columns = new ArrayList<>();
    private final List<Column<?>> columnsView = Collections.unmodifiableList(columns);
    private final Map<String, Column<?>> byName = new LinkedHashMap<>();
    private int hash;

    /** A table with columns (more can be declared by a subclass). */
    public Table(String name, MetaData metadata, Column<?>... columns) {
        this(name, metadata, null, columns);
    }

    /** A table in a schema ({@code null}: the connection's default schema). */
    public Table(String name, MetaData metadata, @Nullable String schema, Column<?>... columns) {
        if (name == null || name.isEmpty()) {
            throw new ArgumentException("A table needs a non-empty name");
        }
        this.name = name;
        this.schema = schema;
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        for (Column<?> c : columns) {
            add(c);
        }
        metadata.add(this);
    }

    /** Declares a column of this table; use it to initialise a typed field of a subclass. */
    protected final <T> Column<T> column(String name, SqlType<T> type, ColumnOption... options) {
        Column<T> c = Column.of(name, type);
        for (ColumnOption option : options) {
            c = c.with(option);
        }
        return add(c);
    }

    private <T> Column<T> add(Column<T> column) {
        if (byName.containsKey(column.name())) {
            throw new ArgumentException("Table '" + name + "' already has a column named '" + column.name()
                    + "'; column names must be unique");
        }
        Column<T> attached = column.attachTo(this);
        columns.add(attached);
        byName.put(attached.name(), attached);
        hash = 0;
        return attached;
    }

    /** The table name. */
    public String name() {
        return name;
    }

    /** The schema, or {@code null} for the default one. */
    public @Nullable String schema() {
        return schema;
    }

    /** The metadata this table belongs to. */
    public MetaData metadata() {
        return metadata;
    }

    @Override
    public List<Column<?>> columns() {
        return columnsView;
    }

    /**
     * The column called {@code name}.
     *
     * @throws ArgumentException when there is none; the message lists the table's columns
     */
    @Override
    @SuppressWarnings("unchecked")
    public Column<Object> c(String name) {
        Column<?> c = byName.get(name);
        if (c == null) {
            throw new ArgumentException("Table '" + this.name + "' has no column '" + name + "'; its columns are "
                    + String.join(", ", byName.keySet()));
        }
        return (Column<Object>) c;
    }

    /**
     * The column called {@code name}, typed.
     *
     * @throws ArgumentException when there is none or its values are not of {@code type}
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> Column<T> c(String name, Class<T> type) {
        Column<?> c = c(name);
        if (!type.isAssignableFrom(c.type().javaType())) {
            throw new ArgumentException("Column '" + this.name + "." + name + "' holds " + c.type().javaType()
                    .getSimpleName() + " values (" + c.type() + "), not " + type.getSimpleName() + "; ask for c(\""
                    + name + "\", " + c.type().javaType().getSimpleName() + ".class)");
        }
        return (Column<T>) c;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Column<T> c(ColumnElement<T> column) {
        if (column instanceof Column<?> c && c.table() != null && c.table().equals(this)) {
            return (Column<T>) c(c.name());
        }
        throw new ArgumentException("Table '" + name + "' has no column corresponding to " + column);
    }

    /** The primary-key columns, in table order. */
    public List<Column<?>> primaryKeyColumns() {
        return columns.stream().filter(Column::isPrimaryKey).collect(Collectors.toUnmodifiableList());
    }

    /** {@code INSERT INTO} this table. */
    public Insert insert() {
        return new Insert(this);
    }

    /** {@code UPDATE} this table. */
    public Update update() {
        return new Update(this);
    }

    /** {@code DELETE FROM} this table. */
    public Delete delete() {
        return new Delete(this);
    }

    /** {@code SELECT} all columns of this table. */
    public Select select() {
        return new Select(this);
    }

    /** This table under another name: {@code users AS u2}. */
    public Alias alias(String aliasName) {
        return new Alias(this, aliasName);
    }

    /** {@code CREATE TABLE} (and its indexes) on the connection, without checking whether it exists. */
    public void create(Connection connection) {
        create(connection, false);
    }

    /** {@code CREATE TABLE}, skipping it when {@code checkfirst} and the table exists. */
    public void create(Connection connection, boolean checkfirst) {
        Ddl.create(connection, List.of(this), checkfirst);
    }

    /** {@code CREATE TABLE} in a transaction of its own. */
    public void create(Engine engine) {
        create(engine, false);
    }

    /** {@code CREATE TABLE} in a transaction of its own, skipping it when {@code checkfirst} and it exists. */
    public void create(Engine engine, boolean checkfirst) {
        engine.useTransaction(c -> create(c, checkfirst));
    }

    /** {@code DROP TABLE} on the connection, without checking whether it exists. */
    public void drop(Connection connection) {
        drop(connection, false);
    }

    /** {@code DROP TABLE}, skipping it when {@code checkfirst} and the table does not exist. */
    public void drop(Connection connection, boolean checkfirst) {
        Ddl.drop(connection, List.of(this), checkfirst);
    }

    /** {@code DROP TABLE} in a transaction of its own. */
    public void drop(Engine engine) {
        drop(engine, false);
    }

    /** {@code DROP TABLE} in a transaction of its own, skipping it when {@code checkfirst} and it does not exist. */
    public void drop(Engine engine, boolean checkfirst) {
        engine.useTransaction(c -> drop(c, checkfirst));
    }

    /**
     * Reads a table's columns, types, nullability and primary key from the database (on the given connection) and
     * adds the table to {@code metadata}.
     *
     * @throws dev.retort.engine.exc.NoSuchTableException when the table does not exist
     */
    public static Table reflect(String name, MetaData metadata, Connection connection) {
        return Reflection.table(name, metadata, connection);
    }

    /** {@link #reflect(String, MetaData, Connection)} on a connection of its own. */
    public static Table reflect(String name, MetaData metadata, Engine engine) {
        return engine.withConnection(c -> reflect(name, metadata, c));
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Table other) || !name.equals(other.name) || !Objects.equals(schema, other.schema)
                || columns.size() != other.columns.size()) {
            return false;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).sameDefinition(other.columns.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(name, schema);
            for (Column<?> c : columns) {
                h = h * 31 + c.definitionHash();
            }
            h |= 1;
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
