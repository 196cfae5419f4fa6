package dev.retort.engine.schema;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.exc.ArgumentException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A collection of {@link Table}s, SQLAlchemy's {@code MetaData}: tables join it when constructed; it creates and drops
 * them in dependency order and reflects existing ones. Thread-safe for reading once the tables are declared.
 */
public final class MetaData {

    private final Map<String, Table> tables = new LinkedHashMap<>();

    /** An empty metadata. */
    public MetaData() {
    }

    synchronized void add(Table table) {
        String key = key(table.schema(), table.name());
        if (tables.containsKey(key)) {
            throw new ArgumentException("Table '" + key + "' is already defined for this MetaData instance; use "
                    + "metadata.table(\"" + key + "\") to get it, or a separate MetaData");
        }
        tables.put(key, table);
    }

    private static String key(@Nullable String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    /** The tables, each after the tables its foreign keys reference, else in declaration order. */
    public synchronized List<Table> tables() {
        Set<Table> sorted = new LinkedHashSet<>();
        for (Table t : tables.values()) {
            visit(t, sorted, new LinkedHashSet<>());
        }
        return List.copyOf(sorted);
    }

    private void visit(Table table, Set<Table> sorted, Set<Table> path) {
        if (sorted.contains(table) || !path.add(table)) {
            return; // already placed, or a cycle (kept in declaration order)
        }
        for (Column<?> c : table.columns()) {
            Table referenced = c.referencedColumn().map(Column::table).orElse(null);
            if (referenced != null && referenced != table && tables.containsValue(referenced)) {
                visit(referenced, sorted, path);
            }
        }
        sorted.add(table);
    }

    /** The table called {@code name} ({@code "schema.name"} for one in a schema). */
    public synchronized Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** Creates the tables that do not exist yet, in dependency order. */
    public void createAll(Connection connection) {
        createAll(connection, true);
    }

    /** Creates all tables in dependency order; with {@code checkfirst} skips those that exist. */
    public void createAll(Connection connection, boolean checkfirst) {
        Ddl.create(connection, tables(), checkfirst);
    }

    /** {@link #createAll(Connection)} in a transaction of its own. */
    public void createAll(Engine engine) {
        createAll(engine, true);
    }

    /** {@link #createAll(Connection, boolean)} in a transaction of its own. */
    public void createAll(Engine engine, boolean checkfirst) {
        engine.useTransaction(c -> createAll(c, checkfirst));
    }

    /** Drops the tables that exist, in reverse dependency order. */
    public void dropAll(Connection connection) {
        dropAll(connection, true);
    }

    /** Drops all tables in reverse dependency order; with {@code checkfirst} skips those that do not exist. */
    public void dropAll(Connection connection, boolean checkfirst) {
        List<Table> reversed = new ArrayList<>(tables());
        java.util.Collections.reverse(reversed);
        Ddl.drop(connection, reversed, checkfirst);
    }

    /** {@link #dropAll(Connection)} in a transaction of its own. */
    public void dropAll(Engine engine) {
        dropAll(engine, true);
    }

    /** {@link #dropAll(Connection, boolean)} in a transaction of its own. */
    public void dropAll(Engine engine, boolean checkfirst) {
        engine.useTransaction(c -> dropAll(c, checkfirst));
    }

    /** Reflects every table of the connection's current schema that is not in this metadata yet. */
    public void reflect(Connection connection) {
        for (String name : Reflection.tableNames(connection)) {
            reflectOne(name, connection);
        }
    }

    /**
     * Reflects the named tables that are not in this metadata yet.
     *
     * @throws dev.retort.engine.exc.NoSuchTableException when one of them does not exist
     */
    public void reflect(Connection connection, Collection<String> only) {
        for (String name : only) {
            reflectOne(name, connection);
        }
    }

    /** {@link #reflect(Connection)} on a connection of its own. */
    public void reflect(Engine engine) {
        engine.withConnection(c -> {
            reflect(c);
            return null;
        });
    }

    /** {@link #reflect(Connection, Collection)} on a connection of its own. */
    public void reflect(Engine engine, Collection<String> only) {
        engine.withConnection(c -> {
            reflect(c, only);
            return null;
        });
    }

    private void reflectOne(String name, Connection connection) {
        if (table(name).isEmpty()) {
            Table.reflect(name, this, connection);
        }
    }

    @Override
    public synchronized String toString() {
        return "MetaData" + tables.keySet();
    }
}
