package dev.retort.engine.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of parsing textual SQL once: the JDBC form with {@code ?} placeholders, the parameter names in
 * placeholder order, and the statement's operation (for metrics and generated keys). Cached in the engine's query
 * cache; besides the parse it remembers the column shape of the last result the statement produced, so that results
 * of the same statement share their column metadata and row-mapping plans.
 */
public final class ParsedSql {

    private final String jdbcSql;
    private final String[] parameterNames;
    private final Operation operation;
    private final boolean wantsGeneratedKeys;
    private final @Nullable ClauseShape clause;
    private volatile @Nullable Object resultShape;

    /**
     * @param jdbcSql the SQL with {@code ?} placeholders
     * @param parameterNames the name bound to each placeholder, in order (a name may repeat)
     * @param operation the first keyword class of the statement
     */
    public ParsedSql(String jdbcSql, String[] parameterNames, Operation operation) {
        this.jdbcSql = jdbcSql;
        this.parameterNames = parameterNames;
        this.operation = operation;
        // an INSERT ... RETURNING returns its own rows; asking the driver for generated keys as well would make
        // pgjdbc swallow them as "generated keys"
        this.wantsGeneratedKeys = operation == Operation.INSERT
                && !jdbcSql.toUpperCase(java.util.Locale.ROOT).contains("RETURNING");
        this.clause = null;
    }

    /**
     * A compiled expression-language statement.
     *
     * @param jdbcSql the SQL with {@code ?} placeholders
     * @param operation the statement kind
     * @param wantsGeneratedKeys whether a single execution should ask the driver for generated keys
     * @param clause the declared result columns and primary-key plan
     */
    public ParsedSql(String jdbcSql, String[] parameterNames, Operation operation, boolean wantsGeneratedKeys,
            ClauseShape clause) {
        this.jdbcSql = jdbcSql;
        this.parameterNames = parameterNames;
        this.operation = operation;
        this.wantsGeneratedKeys = wantsGeneratedKeys;
        this.clause = clause;
    }

    /** The SQL with {@code ?} placeholders. */
    public String jdbcSql() {
        return jdbcSql;
    }

    /** The name bound to each placeholder, in order (a name may repeat). */
    public String[] parameterNames() {
        return parameterNames;
    }

    /** The first keyword class of the statement. */
    public Operation operation() {
        return operation;
    }

    /** Whether a single execution should ask the driver for generated keys (an INSERT without RETURNING). */
    public boolean wantsGeneratedKeys() {
        return wantsGeneratedKeys;
    }

    /** The compiled statement's result columns and primary-key plan, or {@code null} for text. */
    public @Nullable ClauseShape clause() {
        return clause;
    }

    /** The column metadata of the last result of this statement (engine-internal), or {@code null}. */
    public @Nullable Object resultShape() {
        return resultShape;
    }

    /** Remembers the column metadata of a result of this statement (engine-internal). */
    public void resultShape(Object shape) {
        this.resultShape = shape;
    }

    /** The statement kinds the engine distinguishes. */
    public enum Operation {
        /** SELECT, WITH, VALUES, SHOW, TABLE, EXPLAIN. */
        SELECT,
        /** INSERT, MERGE, UPSERT, REPLACE. */
        INSERT,
        /** UPDATE. */
        UPDATE,
        /** DELETE, TRUNCATE. */
        DELETE,
        /** CREATE, DROP, ALTER, COMMENT, GRANT, REVOKE. */
        DDL,
        /** Anything else. */
        OTHER;

        private final String tag = name().toLowerCase(java.util.Locale.ROOT);

        /** The lower-case tag value, e.g. {@code select}. */
        public String tag() {
            return tag;
        }
    }

    /** Parses {@code :name} parameters. See {@link dev.retort.engine.Sql#text(String)} for the rules. */
    public static ParsedSql parseText(String text) {
        StringBuilder sql = new StringBuilder(text.length());
        List<String> names = new java.util.ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n && text.charAt(i + 1) == ':') {
                sql.append(':');
                i += 2;
                continue;
            }
            if (c == ':') {
                char prev = i > 0 ? text.charAt(i - 1) : ' ';
                int end = i + 1;
                while (end < n && isWordChar(text.charAt(end))) {
                    end++;
                }
                if (end > i + 1 && prev != ':' && !isWordChar(prev)) { // ":name::int" binds name, then casts
                    names.add(text.substring(i + 1, end));
                    sql.append('?');
                    i = end;
                    continue;
                }
                if (i + 1 < n && text.charAt(i + 1) == ':') { // "::" cast: copy both colons
                    sql.append("::");
                    i += 2;
                    continue;
                }
            }
            sql.append(c);
            i++;
        }
        return new ParsedSql(sql.toString(), names.toArray(String[]::new), operationOf(text));
    }

    /** SQL passed to the driver as is (no named parameters). */
    public static ParsedSql driverSql(String sql) {
        return new ParsedSql(sql, new String[0], operationOf(sql));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Classifies a statement by its first keyword, skipping whitespace, comments and parentheses. */
    public static Operation operationOf(String sql) {
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        String word = sql.substring(start, i).toUpperCase(java.util.Locale.ROOT);
        return switch (word) {
            case "SELECT", "WITH", "VALUES", "SHOW", "TABLE", "EXPLAIN", "CALL" -> Operation.SELECT;
            case "INSERT", "MERGE", "UPSERT", "REPLACE" -> Operation.INSERT;
            case "UPDATE" -> Operation.UPDATE;
            case "DELETE", "TRUNCATE" -> Operation.DELETE;
            case "CREATE", "DROP", "ALTER", "COMMENT", "GRANT", "REVOKE", "RENAME" -> Operation.DDL;
            default -> Operation.OTHER;
        };
    }
}
