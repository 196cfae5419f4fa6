package dev.retort.engine;

import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.sql.CompiledCache;
import dev.retort.engine.sql.SchemaTranslateMap;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Immutable execution options, spelled as in SQLAlchemy ({@code isolation_level}, {@code stream_results}, …).
 * Options are layered: statement options override connection options, which override engine options. Unknown
 * keys are kept so listeners can read them. The well-known keys are decoded once, when the options are built,
 * so the execute path reads plain fields.
 */
public final class ExecutionOptions {

    /** {@code isolation_level}: an {@link IsolationLevel} or its name; connection and engine level only. */
    public static final String ISOLATION_LEVEL = "isolation_level";
    /** {@code readonly}: run the connection read-only. */
    public static final String READONLY = "readonly";
    /** {@code stream_results}: fetch rows in batches from a server-side cursor rather than all at once. */
    public static final String STREAM_RESULTS = "stream_results";
    /** {@code max_row_buffer}: the fetch size while streaming (default 1000). */
    public static final String MAX_ROW_BUFFER = "max_row_buffer";
    /** {@code yield_per}: stream in batches of this many rows (implies stream_results and max_row_buffer). */
    public static final String YIELD_PER = "yield_per";
    /** {@code no_parameters}: run with a plain {@code Statement}, so {@code ?} and {@code %} stay literal. */
    public static final String NO_PARAMETERS = "no_parameters";
    /** {@code logging_token}: a token added to every log line of the connection. */
    public static final String LOGGING_TOKEN = "logging_token";
    /** {@code autocommit}: commit after each statement that runs outside an explicit transaction. */
    public static final String AUTOCOMMIT = "autocommit";
    /**
     * {@code compiled_cache}: {@code true} (default) uses the engine's caches, a {@link CompiledCache} caches compiled
     * statements there instead, {@code false} (or {@code null}) compiles statements on every execution and bypasses
     * the text parse cache.
     */
    public static final String COMPILED_CACHE = "compiled_cache";
    /**
     * {@code schema_translate_map}: a {@link SchemaTranslateMap} applied to compiled statements, DDL and reflection at
     * execution; textual SQL is not rewritten.
     */
    public static final String SCHEMA_TRANSLATE_MAP = "schema_translate_map";
    /** {@code timeout}: the statement query timeout, a {@link Duration} or seconds. */
    public static final String TIMEOUT = "timeout";
    /**
     * {@code generated_keys}: the columns a single-row INSERT hands back as {@link Result#insertedPrimaryKey()}, a
     * {@code String[]}, a list of names or one comma-separated string, spelled as the database stores them. Not set,
     * the driver decides (pgjdbc then returns every column with {@code RETURNING *}); empty, no keys are asked for.
     */
    public static final String GENERATED_KEYS = "generated_keys";

    private static final int DEFAULT_MAX_ROW_BUFFER = 1000;
    private static final ExecutionOptions EMPTY = new ExecutionOptions(Collections.emptyMap());

    private final Map<String, Object> map;
    // decoded well-known options
    private final @Nullable Object isolationLevel;
    private final @Nullable Boolean readOnly;
    private final boolean streamResults;
    private final int fetchSize;
    private final boolean noParameters;
    private final @Nullable String loggingToken;
    private final boolean autocommit;
    private final boolean compiledCache;
    private final @Nullable CompiledCache compiledCacheInstance;
    private final @Nullable SchemaTranslateMap schemaTranslateMap;
    private final int timeoutSeconds;
    private final String @Nullable [] generatedKeys;

    private ExecutionOptions(Map<String, Object> map) {
        this.map = map;
        this.isolationLevel = map.get(ISOLATION_LEVEL);
        Object ro = map.get(READONLY);
        this.readOnly = ro == null ? null : toBoolean(READONLY, ro);
        Integer yieldPer = toInt(YIELD_PER, map.get(YIELD_PER));
        Integer maxRowBuffer = toInt(MAX_ROW_BUFFER, map.get(MAX_ROW_BUFFER));
        this.streamResults = yieldPer != null || toBoolean(STREAM_RESULTS, map.getOrDefault(STREAM_RESULTS, false));
        this.fetchSize = !streamResults ? 0
                : yieldPer != null ? yieldPer : maxRowBuffer != null ? maxRowBuffer : DEFAULT_MAX_ROW_BUFFER;
        this.noParameters = toBoolean(NO_PARAMETERS, map.getOrDefault(NO_PARAMETERS, false));
        Object token = map.get(LOGGING_TOKEN);
        this.loggingToken = token == null ? null : token.toString();
        this.autocommit = toBoolean(AUTOCOMMIT, map.getOrDefault(AUTOCOMMIT, false));
        Object cache = map.containsKey(COMPILED_CACHE) ? map.get(COMPILED_CACHE) : Boolean.TRUE;
        this.compiledCacheInstance = cache instanceof CompiledCache c ? c : null;
        this.compiledCache = cache != null && (compiledCacheInstance != null || toBoolean(COMPILED_CACHE, cache));
        Object translate = map.get(SCHEMA_TRANSLATE_MAP);
        this.schemaTranslateMap = translate instanceof SchemaTranslateMap t ? t
                : translate instanceof Map<?, ?> m ? toTranslateMap(m) : null;
        this.timeoutSeconds = toSeconds(map.get(TIMEOUT));
        this.generatedKeys = toNames(GENERATED_KEYS, map.get(GENERATED_KEYS));
    }

    /** No options. */
    public static ExecutionOptions empty() {
        return EMPTY;
    }

    /** Options from a map, e.g. bound from configuration properties. */
    public static ExecutionOptions of(Map<String, ?> options) {
        return options.isEmpty() ? EMPTY : new ExecutionOptions(Collections.unmodifiableMap(new LinkedHashMap<>(options)));
    }

    /** Returns a copy with {@code key} set to {@code value}. */
    public ExecutionOptions with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return new ExecutionOptions(Collections.unmodifiableMap(copy));
    }

    /** {@code isolation_level}. */
    public ExecutionOptions withIsolationLevel(IsolationLevel level) {
        return with(ISOLATION_LEVEL, level);
    }

    /** {@code readonly}. */
    public ExecutionOptions withReadOnly(boolean readOnly) {
        return with(READONLY, readOnly);
    }

    /** {@code stream_results}. */
    public ExecutionOptions withStreamResults(boolean stream) {
        return with(STREAM_RESULTS, stream);
    }

    /** {@code max_row_buffer}. */
    public ExecutionOptions withMaxRowBuffer(int rows) {
        return with(MAX_ROW_BUFFER, rows);
    }

    /** {@code yield_per}. */
    public ExecutionOptions withYieldPer(int rows) {
        return with(YIELD_PER, rows);
    }

    /** {@code no_parameters}. */
    public ExecutionOptions withNoParameters(boolean noParameters) {
        return with(NO_PARAMETERS, noParameters);
    }

    /** {@code logging_token}. */
    public ExecutionOptions withLoggingToken(String token) {
        return with(LOGGING_TOKEN, token);
    }

    /** {@code autocommit}. */
    public ExecutionOptions withAutocommit(boolean autocommit) {
        return with(AUTOCOMMIT, autocommit);
    }

    /** {@code compiled_cache}. */
    public ExecutionOptions withCompiledCache(boolean enabled) {
        return with(COMPILED_CACHE, enabled);
    }

    /**
     * {@code compiled_cache}: compiled statements are cached in {@code cache} instead of the engine's cache;
     * {@code null} is {@code withCompiledCache(false)}.
     */
    public ExecutionOptions withCompiledCache(@Nullable CompiledCache cache) {
        return cache == null ? withCompiledCache(false) : with(COMPILED_CACHE, cache);
    }

    /** {@code schema_translate_map}. */
    public ExecutionOptions withSchemaTranslateMap(SchemaTranslateMap map) {
        return with(SCHEMA_TRANSLATE_MAP, map);
    }

    /**
     * {@code schema_translate_map} from a plain map: a {@code null} key is {@link SchemaTranslateMap#DEFAULT}, a
     * {@code null} value renders unqualified.
     */
    public ExecutionOptions withSchemaTranslateMap(Map<? extends @Nullable String, ? extends @Nullable String> map) {
        return with(SCHEMA_TRANSLATE_MAP, SchemaTranslateMap.of(map).asMap()); // kept a plain map, as given
    }

    /** {@code timeout}. */
    public ExecutionOptions withTimeout(Duration timeout) {
        return with(TIMEOUT, timeout);
    }

    /**
     * {@code generated_keys}: the key columns a single-row INSERT asks the driver for, e.g. {@code "id"}; none asks
     * for no keys.
     */
    public ExecutionOptions withGeneratedKeys(String... columns) {
        return with(GENERATED_KEYS, columns.clone());
    }

    /** The value of an option, or {@code null}. */
    public @Nullable Object get(String key) {
        return map.get(key);
    }

    /** All options, unmodifiable, in insertion order. */
    public Map<String, Object> asMap() {
        return map;
    }

    /** Whether no option is set. */
    public boolean isEmpty() {
        return map.isEmpty();
    }

    /**
     * Returns these options with {@code over} layered on top. Returns {@code this} or {@code over} itself when the
     * other side is empty, so merging on the execute path allocates nothing in the common case.
     */
    public ExecutionOptions merge(ExecutionOptions over) {
        if (over.map.isEmpty()) {
            return this;
        }
        if (map.isEmpty()) {
            return over;
        }
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.putAll(over.map);
        return new ExecutionOptions(Collections.unmodifiableMap(copy));
    }

    /** The isolation level set, as its normalised name, or {@code null}. */
    public @Nullable String isolationLevelName() {
        if (isolationLevel == null) {
            return null;
        }
        if (isolationLevel instanceof IsolationLevel level) {
            return level.sqlName();
        }
        IsolationLevel level = IsolationLevel.lookup(isolationLevel.toString());
        return level != null ? level.sqlName() : isolationLevel.toString();
    }

    /** The isolation level set, or {@code null}; an unknown name raises {@link ArgumentException}. */
    public @Nullable IsolationLevel isolationLevel() {
        if (isolationLevel == null) {
            return null;
        }
        return isolationLevel instanceof IsolationLevel level ? level : IsolationLevel.parse(isolationLevel.toString());
    }

    /** {@code readonly}, or {@code null} when not set. */
    public @Nullable Boolean readOnly() {
        return readOnly;
    }

    /** Whether results stream ({@code stream_results} or {@code yield_per}). */
    public boolean streamResults() {
        return streamResults;
    }

    /** The JDBC fetch size implied by the streaming options; 0 when not streaming. */
    public int fetchSize() {
        return fetchSize;
    }

    /** {@code no_parameters}. */
    public boolean noParameters() {
        return noParameters;
    }

    /** {@code logging_token}, or {@code null}. */
    public @Nullable String loggingToken() {
        return loggingToken;
    }

    /** {@code autocommit}. */
    public boolean autocommit() {
        return autocommit;
    }

    /** {@code compiled_cache} (default true): whether any cache is used. */
    public boolean compiledCache() {
        return compiledCache;
    }

    /** The {@link CompiledCache} given as {@code compiled_cache}, or {@code null} (the engine's, or none). */
    public @Nullable CompiledCache compiledCacheInstance() {
        return compiledCacheInstance;
    }

    /** {@code schema_translate_map}, or {@code null} when not set. */
    public @Nullable SchemaTranslateMap schemaTranslateMap() {
        return schemaTranslateMap;
    }

    /** {@code timeout} in whole seconds (rounded up), 0 when not set. */
    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    /**
     * {@code generated_keys}: the key columns to ask for, empty to ask for none, or {@code null} when not set (the
     * driver decides). The array is the options' own: do not modify it.
     */
    public String @Nullable [] generatedKeys() {
        return generatedKeys;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExecutionOptions other && map.equals(other.map);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    @Override
    public String toString() {
        return map.toString();
    }

    private static boolean toBoolean(String key, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String s = value.toString().trim();
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ArgumentException("Execution option '" + key + "' must be true or false, not '" + value + "'");
    }

    private static String @Nullable [] toNames(String key, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        Object[] items = value instanceof Object[] array ? array
                : value instanceof java.util.Collection<?> c ? c.toArray()
                : value.toString().isBlank() ? new Object[0] : value.toString().split(",");
        String[] names = new String[items.length];
        for (int i = 0; i < items.length; i++) {
            names[i] = items[i] == null ? "" : items[i].toString().trim();
            if (names[i].isEmpty()) {
                throw new ArgumentException("Execution option '" + key + "' must name columns, e.g. \"id\" or "
                        + "[\"id\", \"version\"]; got '" + value + "'");
            }
        }
        return names;
    }

    private static SchemaTranslateMap toTranslateMap(Map<?, ?> map) {
        Map<@Nullable String, @Nullable String> names = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            names.put(e.getKey() == null ? null : e.getKey().toString(),
                    e.getValue() == null ? null : e.getValue().toString());
        }
        return SchemaTranslateMap.of(names);
    }

    private static @Nullable Integer toInt(String key, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        int n;
        if (value instanceof Number number) {
            n = number.intValue();
        } else {
            try {
                n = Integer.parseInt(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new ArgumentException("Execution option '" + key + "' must be a positive integer, not '" + value + "'");
            }
        }
        if (n <= 0) {
            throw new ArgumentException("Execution option '" + key + "' must be a positive integer, not " + n);
        }
        return n;
    }

    private static int toSeconds(@Nullable Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Duration d) {
            if (d.isNegative()) {
                throw new ArgumentException("Execution option 'timeout' must not be negative: " + d);
            }
            long millis = d.toMillis();
            return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
        }
        Integer seconds = toInt(TIMEOUT, value);
        return seconds == null ? 0 : seconds;
    }
}
