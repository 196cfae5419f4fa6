package dev.retort.engine.sql;

import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.Executable;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.internal.ClauseSupport;
import dev.retort.engine.internal.ParsedSql;
import dev.retort.engine.internal.SqlFlavor;
import dev.retort.engine.schema.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Prepares expression-language statements for the engine: finds the compiled structure in the cache in effect (or
 * compiles it), then extracts the statement's bind values and pairs them with the execution parameters. A cache hit
 * renders nothing and allocates at most the one array of extracted values.
 */
final class ClauseExecution extends ClauseSupport {

    private static final Object[] NO_VALUES = {};
    private static final int MANY = 1;
    private static final int TRANSLATED = 2;

    static Compiled compile(Statement statement, Dialect dialect) {
        Template template = SqlCompiler.compile((Statement) statement.stripped(), dialect, false, false, 0L, null);
        return new Compiled(template, values(statement, template));
    }

    private static Object[] values(Statement statement, Template template) {
        if (template.valueCount == 0) {
            return NO_VALUES;
        }
        Object[] values = new Object[template.valueCount];
        statement.binds(values, 0, false);
        return values;
    }

    @Override
    public ParsedSql prepare(Executable executable, Object parameters, boolean many, Dialect dialect,
            ExecutionOptions options, CompiledCache engineCache) {
        if (!(executable instanceof Statement statement)) {
            throw new ArgumentException(executable.getClass().getName() + " is not executable: only Sql.text() and "
                    + "the statements of the SQL expression language (select, insert, update, delete) can be executed");
        }
        SchemaTranslateMap map = options.schemaTranslateMap();
        boolean translated = map != null && !map.isEmpty();
        Map<?, ?> first = asMap(many ? ((List<?>) parameters).get(0) : parameters);
        long added = 0L;
        long @Nullable [] wide = null;
        if (statement instanceof ValuesDml<?> dml && !first.isEmpty() && !(dml instanceof Insert i
                && i.fromSelect != null)) {
            added = added(dml, first, 0);
            wide = addedBeyond64(dml, first);
        }
        int flags = (many ? MANY : 0) | (translated ? TRANSLATED : 0);
        Template template = template(statement, SqlFlavor.of(dialect), dialect, cacheInEffect(options, engineCache),
                flags, added, wide);
        if (!many && template.expanding()) {
            template.checkSupplied(first);
            return template.expanded(template.render(values(statement, template), first, translated ? map : null,
                    false));
        }
        return template.parsed(translated ? map : null);
    }

    @Override
    public Object arguments(ParsedSql sql, Executable executable, Object parameters, boolean many) {
        Template.Plan plan = (Template.Plan) java.util.Objects.requireNonNull(sql.clause());
        if (plan.rendered != null) {
            return plan.rendered;
        }
        Template template = plan.template;
        Object[] values = values((Statement) executable, template);
        if (!many) {
            return template.singleArguments(values, asMap(parameters));
        }
        List<?> sets = (List<?>) parameters;
        List<Object[]> rows = new ArrayList<>(sets.size());
        for (int i = 0; i < sets.size(); i++) {
            rows.add(template.arguments(values, asMap(sets.get(i)), i));
        }
        return rows;
    }

    private static @Nullable CompiledCache cacheInEffect(ExecutionOptions options, CompiledCache engineCache) {
        if (!options.compiledCache()) {
            return null;
        }
        CompiledCache own = options.compiledCacheInstance();
        if (own != null) {
            return own;
        }
        return engineCache.capacity() > 0 ? engineCache : null;
    }

    private static Template template(Statement statement, SqlFlavor flavor, Dialect dialect,
            @Nullable CompiledCache cache, int flags, long added, long @Nullable [] wide) {
        if (cache == null) {
            return SqlCompiler.compile((Statement) statement.stripped(), dialect, (flags & TRANSLATED) != 0,
                    (flags & MANY) != 0, added, wide);
        }
        CompiledCache.Entry memo = statement.memo;
        if (memo != null && memo.cache == cache && memo.flavor == flavor && memo.flags == flags
                && memo.added == added && Arrays.equals(memo.wide, wide)) {
            cache.hit(memo);
            return memo.template;
        }
        int hash = statement.shapeHash();
        CompiledCache.Entry entry = cache.lookup(flavor, statement, hash, flags, added, wide);
        if (entry == null) {
            Statement key = (Statement) statement.stripped();
            Template template = SqlCompiler.compile(key, dialect, (flags & TRANSLATED) != 0, (flags & MANY) != 0,
                    added, wide);
            entry = cache.store(flavor, key, hash, flags, added, wide, template);
        }
        statement.memo = entry;
        return entry.template;
    }

    /**
     * The columns from table position {@code from} on (a bit per position, 64 at the most) that parameters add to an
     * INSERT or UPDATE: those the statement's {@code values()} leave unset.
     */
    private static long added(ValuesDml<?> statement, Map<?, ?> parameters, int from) {
        List<Column<?>> columns = statement.table.columns();
        long mask = 0L;
        for (int i = from; i < columns.size() && i < from + 64; i++) {
            if (statement.values[i] == null && parameters.containsKey(columns.get(i).name())) {
                mask |= 1L << (i - from);
            }
        }
        return mask;
    }

    /** For a table of more than 64 columns, the added columns from position 64 on (64 a word), or {@code null}. */
    private static long @Nullable [] addedBeyond64(ValuesDml<?> statement, Map<?, ?> parameters) {
        int n = statement.table.columns().size();
        if (n <= 64) {
            return null;
        }
        long[] words = new long[(n - 1) / 64];
        boolean any = false;
        for (int w = 0; w < words.length; w++) {
            words[w] = added(statement, parameters, 64 * (w + 1));
            any |= words[w] != 0L;
        }
        return any ? words : null;
    }

    private static Map<?, ?> asMap(Object parameters) {
        if (parameters instanceof Map<?, ?> m) {
            return m;
        }
        if (parameters instanceof dev.retort.engine.Row row) {
            return row.asMap();
        }
        throw new ArgumentException("Parameters must be a Map<String, ?> (or a list of maps for executemany), not "
                + parameters.getClass().getName());
    }

    @Override
    public boolean sameStructure(Object element, Object other) {
        return Shape.same(element, other);
    }
}
