package dev.retort.engine.schema;

import dev.retort.engine.Connection;
import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.exc.NoSuchTableException;
import dev.retort.engine.internal.Errors;
import dev.retort.engine.sql.SchemaTranslateMap;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Reads tables from JDBC metadata on a given connection: existence, names, columns, types, primary keys. */
final class Reflection {

    private Reflection() {
    }

    private interface Work<T> {
        T apply(DatabaseMetaData md, @Nullable String catalog, @Nullable String schema) throws SQLException;
    }

    private static <T> T withMetaData(Connection connection, @Nullable String schema, Work<T> work) {
        if (connection.engine().isMock()) {
            throw new ArgumentException("A mock engine has no database to reflect or inspect; use a real engine");
        }
        java.sql.Connection jdbc = connection.jdbcConnection();
        try {
            DatabaseMetaData md = jdbc.getMetaData();
            boolean catalogs = connection.dialect().schemaIsCatalog();
            String catalog = catalogs ? (schema != null ? schema : jdbc.getCatalog()) : null;
            String schemaName = catalogs ? null : schema != null ? fold(connection, schema) : jdbc.getSchema();
            return work.apply(md, catalog, schemaName);
        } catch (SQLException e) {
            throw Errors.wrap(e, null, null, connection.engine().hideParameters(), false);
        }
    }

    private static String fold(Connection connection, String name) {
        return switch (connection.dialect().identifierCase()) {
            case "upper" -> name.equals(name.toLowerCase(Locale.ROOT)) ? name.toUpperCase(Locale.ROOT) : name;
            default -> name;
        };
    }

    private static Set<String> candidates(String name) {
        Set<String> out = new LinkedHashSet<>();
        out.add(name);
        out.add(name.toUpperCase(Locale.ROOT));
        out.add(name.toLowerCase(Locale.ROOT));
        return out;
    }

    private static @Nullable String schemaOf(@Nullable String schema, @Nullable SchemaTranslateMap map) {
        return map == null ? schema : map.translate(schema);
    }

    static boolean exists(Connection connection, Table table, @Nullable SchemaTranslateMap map) {
        return withMetaData(connection, schemaOf(table.schema(), map), (md, catalog, schema) -> {
            for (String candidate : candidates(table.name())) {
                try (ResultSet rs = md.getTables(catalog, schema, candidate, null)) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    static List<String> tableNames(Connection connection) {
        SchemaTranslateMap map = connection.getExecutionOptions().schemaTranslateMap();
        return withMetaData(connection, schemaOf(null, map), (md, catalog, schema) -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(normalise(connection, rs.getString("TABLE_NAME")));
                }
            }
            return names;
        });
    }

    private static String normalise(Connection connection, String name) {
        return connection.dialect().identifierCase().equals("upper") && name.equals(name.toUpperCase(Locale.ROOT))
                ? name.toLowerCase(Locale.ROOT) : name;
    }

    static Table table(String name, MetaData metadata, Connection connection) {
        SchemaTranslateMap map = connection.getExecutionOptions().schemaTranslateMap();
        String schemaShown = schemaOf(null, map);
        List<Column<?>> columns = withMetaData(connection, schemaShown, (md, catalog, schema) -> {
            for (String candidate : candidates(name)) {
                List<Column<?>> found = columns(connection, md, catalog, schema, candidate);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            return List.of();
        });
        if (columns.isEmpty()) {
            throw new NoSuchTableException("Table '" + name + "' does not exist in " + (schemaShown == null
                    ? "the connection's current schema" : "schema '" + schemaShown + "'") + "; create it first "
                            + "(metadata.createAll) or check the name");
        }
        return new Table(name, metadata, columns.toArray(Column<?>[]::new));
    }

    private static List<Column<?>> columns(Connection connection, DatabaseMetaData md, @Nullable String catalog,
            @Nullable String schema, String table) throws SQLException {
        Set<String> primaryKey = new LinkedHashSet<>();
        Map<Integer, String> keyOrder = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                keyOrder.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        primaryKey.addAll(keyOrder.values());
        List<Column<?>> out = new ArrayList<>();
        try (ResultSet rs = md.getColumns(catalog, schema, table, "%")) {
            while (rs.next()) {
                String raw = rs.getString("COLUMN_NAME");
                Column<?> c = Column.of(normalise(connection, raw), type(rs.getInt("DATA_TYPE"), rs.getString(
                        "TYPE_NAME"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS")));
                if (rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls) {
                    c = c.notNull();
                }
                if (primaryKey.contains(raw)) {
                    c = c.primaryKey().autoincrement("YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT")));
                }
                out.add(c);
            }
        }
        return out;
    }

    private static SqlType<?> type(int jdbcType, String typeName, int size, int scale) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return switch (jdbcType) {
            case java.sql.Types.INTEGER, java.sql.Types.SMALLINT -> Types.INTEGER;
            case java.sql.Types.TINYINT -> name.equals("tinyint") && size == 1 ? Types.BOOLEAN : Types.INTEGER;
            case java.sql.Types.BIGINT -> Types.BIGINT;
            case java.sql.Types.BOOLEAN, java.sql.Types.BIT -> Types.BOOLEAN;
            case java.sql.Types.DOUBLE, java.sql.Types.FLOAT, java.sql.Types.REAL -> Types.DOUBLE;
            case java.sql.Types.CHAR, java.sql.Types.VARCHAR, java.sql.Types.NVARCHAR, java.sql.Types.NCHAR ->
                    name.contains("text") || size <= 0 || size >= 65535 ? Types.TEXT : Types.string(size);
            case java.sql.Types.LONGVARCHAR, java.sql.Types.LONGNVARCHAR, java.sql.Types.CLOB -> Types.TEXT;
            case java.sql.Types.DATE -> Types.DATE;
            case java.sql.Types.TIMESTAMP -> Types.TIMESTAMP;
            case java.sql.Types.NUMERIC, java.sql.Types.DECIMAL -> size > 0 && scale >= 0 && scale <= size
                    ? Types.numeric(size, scale) : SqlType.of("NUMERIC", java.math.BigDecimal.class);
            case java.sql.Types.BINARY, java.sql.Types.VARBINARY, java.sql.Types.LONGVARBINARY,
                    java.sql.Types.BLOB -> Types.LARGE_BINARY;
            default -> SqlType.of(typeName == null ? "NULL" : typeName.toUpperCase(Locale.ROOT), Object.class);
        };
    }
}
