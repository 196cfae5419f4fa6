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
     * Compiles (or finds in the cache in effect) a statement for execution. A cache hit allocates nothing here.
     *
     * @param statement the statement (anything other than an expression-language statement is refused)
     * @param parameters a {@code Map} or, for executemany, a {@code List} of maps
     * @param many whether this is an executemany
     * @param dialect the connection's dialect
     * @param options the execution options in effect
     * @param engineCache the engine's compiled cache
     * @return the SQL and its result plan; pass it to {@link #arguments} for the JDBC arguments
     */
    public abstract ParsedSql prepare(Executable statement, Object parameters, boolean many, Dialect dialect,
            ExecutionOptions options, CompiledCache engineCache);

    /**
     * The JDBC arguments of one execution: the statement's extracted bind values paired with the execution
     * parameters (at most one {@code Object[]} for a single execution).
     *
     * @param sql what {@link #prepare} returned for this execution
     * @param statement the statement given to {@link #prepare}
     * @param parameters the parameters given to {@link #prepare}
     * @param many whether this is an executemany
     * @return an {@code Object[]}, or for executemany a {@code List<Object[]>}
     */
    public abstract Object arguments(ParsedSql sql, Executable statement, Object parameters, boolean many);

    /** Whether two expression-language elements have the same structure (for {@code Row.get(element)}). */
    public abstract boolean sameStructure(Object element, Object other);
}
