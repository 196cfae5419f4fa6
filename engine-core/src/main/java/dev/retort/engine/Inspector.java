package dev.retort.engine;

import dev.retort.engine.internal.Errors;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads schema information from JDBC {@link DatabaseMetaData}, SQLAlchemy's {@code Inspector}. Table names are matched
 * as given, then in the database's folded case.
 */
public final class Inspector {

    private final Engine engine;

    Inspector(Engine engine) {
        this.engine = engine;
    }

    /** The tables of a schema ({@code null}: the connection's current schema). */
    public List<String> tableNames(@Nullable String schema) {
        return withMetaData(md -> {
            List<String> names = new ArrayList<>();
            boolean catalogs = engine.dialect().schemaIsCatalog();
            String catalog = catalogs ? (schema != null ? schema : md.getConnection().getCatalog()) : null;
            try (ResultSet rs = md.getTables(catalog, catalogs ? null : fold(md, schema), "%",
                    new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
            return names;
        });
    }

    /** The columns of a table, in order. */
    public List<ColumnInfo> columns(String table) {
        return withMetaData(md -> {
            for (String candidate : candidates(table)) {
                List<ColumnInfo> columns = new ArrayList<>();
                try (ResultSet rs = md.getColumns(currentCatalog(md), currentSchema(md), candidate, "%")) {
                    while (rs.next()) {
                        columns.add(new ColumnInfo(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"),
                                rs.getInt("DATA_TYPE"), rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                                rs.getString("COLUMN_DEF")));
                    }
                }
                if (!columns.isEmpty()) {
                    return columns;
                }
            }
            return List.of();
        });
    }

    /** The primary-key columns of a table, in key order. */
    public List<String> primaryKey(String table) {
        return withMetaData(md -> {
            for (String candidate : candidates(table)) {
                Map<Integer, String> byPosition = new TreeMap<>();
                try (ResultSet rs = md.getPrimaryKeys(currentCatalog(md), currentSchema(md), candidate)) {
                    while (rs.next()) {
                        byPosition.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                    }
                }
                if (!byPosition.isEmpty()) {
                    return new ArrayList<>(byPosition.values());
                }
            }
            return List.of();
        });
    }

    private List<String> candidates(String name) {
        return List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
    }

    private @Nullable String currentCatalog(DatabaseMetaData md) throws SQLException {
        return engine.dialect().schemaIsCatalog() ? md.getConnection().getCatalog() : null;
    }

    private @Nullable String currentSchema(DatabaseMetaData md) throws SQLException {
        return md.getConnection().getSchema();
    }

    private @Nullable String fold(DatabaseMetaData md, @Nullable String schema) throws SQLException {
        if (schema == null) {
            return currentSchema(md);
        }
        return switch (engine.dialect().identifierCase()) {
            case "upper" -> schema.toUpperCase(Locale.ROOT);
            case "lower" -> schema.toLowerCase(Locale.ROOT);
            default -> schema;
        };
    }

    private interface MetaDataWork<T> {
        T apply(DatabaseMetaData md) throws SQLException;
    }

    private <T> T withMetaData(MetaDataWork<T> work) {
        try (Connection connection = engine.connectDirect()) {
            return work.apply(connection.jdbcConnection().getMetaData());
        } catch (SQLException e) {
            throw Errors.wrap(e, null, null, engine.hideParameters(), false);
        }
    }
}
