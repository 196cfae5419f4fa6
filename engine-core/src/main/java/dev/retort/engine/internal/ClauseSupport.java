package dev.retort.engine.internal;

import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.Executable;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.sql.CompiledCache;
import org.jspecify.annotations.Nullable;

/**
 * The engine's access to the expression language's compiled statements (engine-internal). The
 * {@code dev.retort.engine.sql} package installs the one implementation when its statement classes load, which
 * happens before any statement can reach the engine.
 */
public abstract class ClauseSupport {

    private static volatile @Nullable ClauseSupport instance;

    /** Installs the implementation (called once by the expression language). */
    public static void install(ClauseSupport support) {
        instance = support;
    }

    /** The implementation. */
    public static ClauseSupport get() {
        ClauseSupport s = instance;
        if (s == null) {
            try {
                Class.forName("dev.retort.engine.sql.Statement", true, ClauseSupport.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            s = instance;
        }
        return s;
    }

    /**
     * Compiles (or finds in the cache in effect) a statement for execution and extracts its parameters.
     *
     * @param statement the statement (anything other than an expression-language statement is refused)
     * @param parameters a {@code Map} or, for executemany, a {@code List} of maps
     * @param many whether this is an executemany
     * @param dialect the connection's dialect
     * @param options the execution options in effect
     * @param engineCache the engine's compiled cache
     * @return the SQL and its JDBC arguments ({@code Object[]}, or a {@code List<Object[]>} for executemany)
     */
    public abstract Prepared prepare(Executable statement, Object parameters, boolean many, Dialect dialect,
            ExecutionOptions options, CompiledCache engineCache);

    /** Whether two expression-language elements have the same structure (for {@code Row.get(element)}). */
    public abstract boolean sameStructure(Object element, Object other);

    /**
     * A statement ready for the JDBC layer.
     *
     * @param sql the SQL and its result plan
     * @param arguments the JDBC arguments: {@code Object[]}, or {@code List<Object[]>} for executemany
     */
    public record Prepared(ParsedSql sql, Object arguments) {
    }
}
