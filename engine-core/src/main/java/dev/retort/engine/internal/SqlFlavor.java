package dev.retort.engine.internal;

import dev.retort.engine.dialect.Dialect;
import java.util.Locale;
import java.util.Set;

/**
 * The SQL spelling rules of a dialect family that the expression language and DDL need: identifier quoting and the
 * family itself (LIMIT syntax, RETURNING, upserts and type names differ by family). Dialects the expression language
 * does not know compile as {@link #GENERIC}.
 */
public enum SqlFlavor {
    /** Standard SQL: {@code "} quoting, no RETURNING or upsert. */
    GENERIC('"', '"'),
    /** PostgreSQL. */
    POSTGRESQL('"', '"'),
    /** MariaDB and MySQL: backtick quoting. */
    MYSQL('`', '`'),
    /** H2. */
    H2('"', '"');

    // SQLAlchemy's reserved words of the default compiler, used by every family
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "authorization", "between", "binary", "both", "case", "cast", "check", "collate", "column",
            "constraint", "create", "cross", "current_date", "current_role", "current_time", "current_timestamp",
            "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "for",
            "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner",
            "intersect", "into", "is", "isnull", "join", "leading", "left", "like", "limit", "localtime",
            "localtimestamp", "natural", "new", "not", "notnull", "null", "off", "offset", "old", "on", "only", "or",
            "order", "outer", "overlaps", "placing", "primary", "references", "right", "select", "session_user", "set",
            "similar", "some", "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "user",
            "using", "verbose", "when", "where");
    // further words MariaDB and MySQL reserve
    private static final Set<String> MYSQL_RESERVED = Set.of("accessible", "add", "alter", "before", "bigint", "blob",
            "by", "call", "cascade", "change", "char", "character", "condition", "continue", "convert", "cursor",
            "database", "databases", "dec", "decimal", "declare", "delayed", "delete", "describe", "double", "drop",
            "each", "elseif", "enclosed", "escaped", "exists", "exit", "explain", "fetch", "float", "force", "function",
            "if", "ignore", "index", "infile", "inout", "insert", "int", "integer", "interval", "iterate", "key",
            "keys", "kill", "leave", "lines", "load", "lock", "long", "loop", "match", "mod", "modifies", "numeric",
            "optimize", "option", "out", "outfile", "precision", "procedure", "purge", "range", "read", "reads",
            "real", "regexp", "release", "rename", "repeat", "replace", "require", "restrict", "return", "returning",
            "revoke", "rlike", "schema", "schemas", "separator", "show", "signal", "smallint", "spatial", "sql",
            "ssl", "starting", "straight_join", "terminated", "tinyint", "trigger", "undo", "unlock", "unsigned",
            "update", "usage", "use", "utc_date", "utc_time", "utc_timestamp", "values", "varchar", "varying", "while",
            "with", "write", "xor", "zerofill");

    // further words H2 reserves (its keyword list)
    private static final Set<String> H2_RESERVED = Set.of("current_catalog", "current_path", "current_schema", "day",
            "exists", "fetch", "groups", "hour", "if", "intersects", "interval", "key", "minus", "minute", "month",
            "over", "partition", "qualify", "range", "regexp", "row", "rownum", "rows", "second", "system_user", "top",
            "uescape", "unknown", "value", "values", "window", "with", "year", "_rowid_");

    private final char open;
    private final char close;

    SqlFlavor(char open, char close) {
        this.open = open;
        this.close = close;
    }

    /** The family of a dialect (by its name); unknown dialects are {@link #GENERIC}. */
    public static SqlFlavor of(Dialect dialect) {
        return switch (dialect.name()) {
            case "postgresql" -> POSTGRESQL;
            case "mariadb", "mysql" -> MYSQL;
            case "h2" -> H2;
            default -> GENERIC;
        };
    }

    /**
     * Quotes an identifier when it needs it, as SQLAlchemy does: a reserved word, a name with upper-case letters, a
     * name with characters outside {@code [a-z0-9_$]} or one starting with a digit or {@code $}.
     */
    public String quote(String name) {
        return requiresQuotes(name) ? open + name.replace(String.valueOf(close), "" + close + close) + close : name;
    }

    private boolean requiresQuotes(String name) {
        if (name.isEmpty()) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals(name) || RESERVED.contains(lower) || this == MYSQL && MYSQL_RESERVED.contains(lower)
                || this == H2 && H2_RESERVED.contains(lower)) {
            return true;
        }
        char first = name.charAt(0);
        if (first == '$' || first >= '0' && first <= '9') {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '$')) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code RETURNING} (or its equivalent) can follow an INSERT. */
    public boolean insertReturning() {
        return this != GENERIC;
    }

    /** Whether {@code RETURNING} (or its equivalent) can follow an UPDATE. */
    public boolean updateReturning() {
        return this == POSTGRESQL || this == H2;
    }

    /** Whether {@code RETURNING} (or its equivalent) can follow a DELETE. */
    public boolean deleteReturning() {
        return this != GENERIC;
    }
}
