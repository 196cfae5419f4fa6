package dev.retort.engine.sql;

import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.internal.ClauseShape;
import dev.retort.engine.internal.ParsedSql;
import dev.retort.engine.internal.SqlFlavor;
import dev.retort.engine.schema.Column;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A compiled statement structure (what the compiled cache holds): SQL parts with parameter and schema tokens, and for
 * each placeholder where its value comes from. Holds no bind values. Without IN lists and schema translation its JDBC
 * SQL is fixed and shared by every execution.
 */
final class Template {

    private static final int MAX_TRANSLATIONS = 32;
    /** No value supplied (distinct from a supplied {@code null}). */
    private static final Object UNSET = new Object();

    final SqlFlavor flavor;
    private final Object[] parts;
    private final SqlCompiler.Param[] params;
    final int valueCount;
    private final boolean expanding;
    private final boolean identityArguments;
    private final boolean lookups;
    /** The first index of each cycle when the placeholders take the values in another order, else {@code null}. */
    private final int @Nullable [] cycles;
    private final ParsedSql.Operation operation;
    private final boolean generatedKeys;
    private final Plan plan;
    private final @Nullable ParsedSql plain;
    private final Map<SchemaTranslateMap, ParsedSql> translations = new ConcurrentHashMap<>();

    Template(SqlCompiler compiler, Object[] parts, @Nullable Statement statement, int valueCount) {
        this.flavor = compiler.flavor;
        this.parts = parts;
        this.params = compiler.params.toArray(SqlCompiler.Param[]::new);
        this.valueCount = valueCount;
        boolean anyExpanding = false;
        boolean anyLookup = false;
        boolean identity = params.length == valueCount;
        boolean tokens = false;
        for (int i = 0; i < params.length; i++) {
            SqlCompiler.Param p = params[i];
            anyExpanding |= p.expanding;
            anyLookup |= p.lookup;
            identity &= p.slot == i && !p.lookup && !p.expanding;
        }
        this.lookups = anyLookup;
        this.cycles = anyExpanding ? null : cycles(params, valueCount);
        for (Object part : parts) {
            tokens |= part instanceof SqlCompiler.SchemaToken;
        }
        this.expanding = anyExpanding;
        this.identityArguments = identity;
        this.operation = statement != null ? statement.operation() : ParsedSql.Operation.SELECT;
        this.generatedKeys = compiler.generatedKeys;
        this.plan = plan(compiler);
        this.plain = anyExpanding || tokens ? null : parsed(render(null, null, null, false));
    }

    /**
     * When every placeholder takes a different extracted value (a permutation), the first index of each of its cycles
     * (empty: already in order), so that the values array can be put in placeholder order in place; else {@code null}.
     */
    private static int @Nullable [] cycles(SqlCompiler.Param[] params, int valueCount) {
        if (params.length != valueCount) {
            return null;
        }
        boolean[] seen = new boolean[valueCount];
        for (SqlCompiler.Param p : params) {
            if (p.slot < 0 || seen[p.slot]) {
                return null;
            }
            seen[p.slot] = true;
        }
        java.util.Arrays.fill(seen, false);
        int[] leaders = new int[valueCount];
        int n = 0;
        for (int i = 0; i < params.length; i++) {
            if (!seen[i] && params[i].slot != i) {
                leaders[n++] = i;
                for (int j = i; !seen[j]; j = params[j].slot) {
                    seen[j] = true;
                }
            }
        }
        return java.util.Arrays.copyOf(leaders, n);
    }

    private Plan plan(SqlCompiler c) {
        String[] keys = c.resultKeys == null ? null : c.resultKeys.toArray(String[]::new);
        Object[] elements = c.resultElements == null ? new Object[0] : c.resultElements.toArray();
        Class<?>[] types = new Class<?>[elements.length];
        for (int i = 0; i < elements.length; i++) {
            types[i] = ((ColumnElement<?>) elements[i]).type().javaType();
        }
        int n = c.keyColumns.size();
        String[] keyNames = new String[n];
        Class<?>[] keyTypes = new Class<?>[n];
        int[] keyArguments = new int[n];
        for (int i = 0; i < n; i++) {
            Column<?> col = c.keyColumns.get(i);
            keyNames[i] = col.name();
            keyTypes[i] = col.type().javaType();
            keyArguments[i] = c.keyParams.get(i);
        }
        return new Plan(this, keys, types, elements, keyNames, keyTypes, keyArguments, c.returningKey);
    }

    /**
     * What the engine sees of a compiled structure (its {@link ClauseShape}), leading back to the template for the
     * arguments; a rendering with IN lists carries its own arguments.
     */
    static final class Plan extends ClauseShape {
        final Template template;
        final Object @Nullable [] rendered;

        Plan(Template template, String @Nullable [] keys, Class<?>[] types, Object[] elements, String[] keyNames,
                Class<?>[] keyTypes, int[] keyArguments, boolean returningKey) {
            super(keys, types, elements, keyNames, keyTypes, keyArguments, returningKey);
            this.template = template;
            this.rendered = null;
        }

        Plan(Plan base, Object[] rendered) {
            super(base);
            this.template = base.template;
            this.rendered = rendered;
        }
    }

    /** The SQL, names and arguments of one rendering. */
    record Rendering(String sql, List<String> names, List<@Nullable Object> arguments) {
    }

    /**
     * Renders the SQL: {@code ?} or (with {@code named}) {@code :name} placeholders, IN lists expanded from
     * {@code values} or {@code parameters}, schemas translated by {@code map}.
     */
    Rendering render(Object @Nullable [] values, @Nullable Map<?, ?> parameters, @Nullable SchemaTranslateMap map,
            boolean named) {
        StringBuilder sb = new StringBuilder(128);
        List<String> names = new ArrayList<>(params.length);
        List<@Nullable Object> arguments = new ArrayList<>(params.length);
        for (Object part : parts) {
            if (part instanceof String s) {
                sb.append(s);
            } else if (part instanceof SqlCompiler.SchemaToken t) {
                String schema = map == null ? t.schema() : map.translate(t.schema());
                if (schema != null) {
                    sb.append(flavor.quote(schema)).append('.');
                }
            } else {
                SqlCompiler.Param p = (SqlCompiler.Param) part;
                Object value = valueOf(p, values, parameters);
                if (p.expanding && value instanceof Collection<?> c) {
                    expand(p, c, sb, names, arguments, named);
                } else {
                    sb.append(named ? ":" + p.name : "?");
                    names.add(p.name);
                    arguments.add(value);
                }
            }
        }
        return new Rendering(sb.toString(), names, arguments);
    }

    private static void expand(SqlCompiler.Param p, Collection<?> values, StringBuilder sb, List<String> names,
            List<@Nullable Object> arguments, boolean named) {
        if (values.isEmpty()) {
            sb.append(p.op == Op.NOT_IN ? "NULL) OR (1 = 1" : "NULL) AND (1 != 1");
            return;
        }
        int k = 1;
        for (Object v : values) {
            String name = p.name + "_" + k;
            sb.append(k > 1 ? ", " : "").append(named ? ":" + name : "?");
            names.add(name);
            arguments.add(v);
            k++;
        }
    }

    private static @Nullable Object valueOf(SqlCompiler.Param p, Object @Nullable [] values,
            @Nullable Map<?, ?> parameters) {
        Object v = parameters == null ? UNSET : supplied(p, parameters);
        if (v != UNSET) {
            return v;
        }
        return p.slot >= 0 && values != null ? values[p.slot] : null;
    }

    private ParsedSql parsed(Rendering r) {
        return new ParsedSql(r.sql(), r.names().toArray(String[]::new), operation, generatedKeys, plan);
    }

    /** The JDBC SQL of a rendering with IN lists expanded, carrying that rendering's arguments. */
    ParsedSql expanded(Rendering r) {
        return new ParsedSql(r.sql(), r.names().toArray(String[]::new), operation, generatedKeys, new Plan(plan,
                r.arguments().toArray()));
    }

    /** The JDBC SQL when there are no IN lists to expand. */
    ParsedSql parsed(@Nullable SchemaTranslateMap map) {
        if (plain != null) {
            return plain;
        }
        if (map == null) {
            return parsed(render(null, null, null, false));
        }
        ParsedSql p = translations.get(map);
        if (p == null) {
            p = parsed(render(null, null, map, false));
            if (translations.size() < MAX_TRANSLATIONS) {
                translations.put(map, p);
            }
        }
        return p;
    }

    boolean expanding() {
        return expanding;
    }

    /**
     * The JDBC arguments of a single execution: when each placeholder has a value of its own in the statement, the
     * extracted values themselves, put in placeholder order in place and overridden by the parameters naming them;
     * else one new array.
     */
    Object[] singleArguments(Object[] values, Map<?, ?> parameters) {
        int[] c = cycles;
        if (c == null) {
            return arguments(values, parameters, -1);
        }
        for (int leader : c) {
            Object first = values[leader];
            int j = leader;
            for (int k = params[j].slot; k != leader; k = params[j].slot) {
                values[j] = values[k];
                j = k;
            }
            values[j] = first;
        }
        if (lookups && !parameters.isEmpty()) {
            for (int i = 0; i < params.length; i++) {
                Object v = supplied(params[i], parameters);
                if (v != UNSET) {
                    values[i] = v;
                }
            }
        }
        return values;
    }

    /**
     * The JDBC arguments for one parameter set of an executemany (the values are shared by every set): the
     * extracted values themselves when they are already in placeholder order, else one array.
     */
    Object[] arguments(Object[] values, Map<?, ?> parameters, int group) {
        if (identityArguments) {
            return values;
        }
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            SqlCompiler.Param p = params[i];
            Object v = supplied(p, parameters);
            if (v != UNSET) {
                args[i] = v;
                continue;
            }
            if (p.slot < 0) {
                throw missing(p.name, group);
            }
            args[i] = values[p.slot];
        }
        return args;
    }

    /** Checks that every parameter without a value in the statement is supplied (IN lists rendered per execution). */
    void checkSupplied(Map<?, ?> parameters) {
        for (SqlCompiler.Param p : params) {
            if (p.slot < 0 && !parameters.containsKey(p.name)) {
                throw missing(p.name, -1);
            }
        }
    }

    /** The value {@code parameters} supply for {@code p} (possibly {@code null}), or {@link #UNSET}. */
    private static @Nullable Object supplied(SqlCompiler.Param p, Map<?, ?> parameters) {
        if (!p.lookup) {
            return UNSET;
        }
        Object v = parameters.get(p.name);
        return v != null || parameters.containsKey(p.name) ? v : UNSET;
    }

    static ArgumentException missing(String name, int group) {
        return new ArgumentException("A value is required for bind parameter '" + name + "'"
                + (group >= 0 ? ", in parameter group " + group : "") + "; pass it in the parameters, e.g. Map.of(\""
                + name + "\", value)");
    }

    /** The display form, {@code :name} placeholders. */
    String display(Object @Nullable [] values) {
        return render(values, null, null, true).sql();
    }
}
