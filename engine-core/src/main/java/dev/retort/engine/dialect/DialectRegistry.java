package dev.retort.engine.dialect;

import dev.retort.engine.EngineUrl;
import dev.retort.engine.exc.ArgumentException;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Finds the {@link Dialect} for a URL, SQLAlchemy's dialect registry. Built-in dialects ({@code postgresql},
 * {@code mariadb}, {@code mysql}, {@code h2}) and those listed in {@code META-INF/services/dev.retort.engine.dialect.Dialect}
 * are found by name; {@link #register} adds one in-process, keyed {@code "name"} or {@code "name.driver"} (the URL
 * {@code name+driver://…} looks up {@code name.driver} first, then {@code name}).
 */
public final class DialectRegistry {

    private static final Map<String, Supplier<? extends Dialect>> DIALECTS = new ConcurrentHashMap<>();

    static {
        register("postgresql", PostgresqlDialect::new);
        register("mariadb", MariadbDialect::new);
        register("mysql", MysqlDialect::new);
        register("mysql.mariadbconnector", MysqlMariadbConnectorDialect::new);
        register("h2", H2Dialect::new);
        for (Dialect dialect : ServiceLoader.load(Dialect.class, DialectRegistry.class.getClassLoader())) {
            Class<? extends Dialect> type = dialect.getClass();
            register(dialect.name(), () -> newInstance(type));
            register(dialect.name() + "." + dialect.driverName(), () -> newInstance(type));
        }
    }

    private DialectRegistry() {
    }

    /**
     * Registers a dialect under {@code "name"} or {@code "name.driver"}, replacing any earlier one with that key.
     */
    public static void register(String key, Supplier<? extends Dialect> supplier) {
        DIALECTS.put(key.toLowerCase(Locale.ROOT), supplier);
    }

    /** Removes a dialect registered under {@code key}. */
    public static void unregister(String key) {
        DIALECTS.remove(key.toLowerCase(Locale.ROOT));
    }

    /** The dialect registered under a name such as {@code postgresql} or {@code postgresql.pgjdbc}. */
    public static Dialect get(String name) {
        Supplier<? extends Dialect> supplier = DIALECTS.get(name.toLowerCase(Locale.ROOT).replace('+', '.'));
        if (supplier == null) {
            throw new ArgumentException("Unknown dialect '" + name + "'. Known dialects: " + known()
                    + ". Add the dialect's module to the classpath or register it with DialectRegistry.register(\""
                    + name + "\", MyDialect::new)");
        }
        return supplier.get();
    }

    /** The dialect for a URL; a {@code jdbc:} URL with an unknown sub-protocol gets a {@link GenericDialect}. */
    public static Dialect load(EngineUrl url) {
        if (url.isJdbc()) {
            Supplier<? extends Dialect> supplier = DIALECTS.get(url.dialectName());
            return supplier != null ? supplier.get() : new GenericDialect(url.dialectName());
        }
        Supplier<? extends Dialect> supplier = DIALECTS.get(url.drivername().replace('+', '.'));
        return supplier != null ? supplier.get() : get(url.dialectName());
    }

    /** Maps a JDBC sub-protocol ({@code postgresql}, {@code mariadb}, {@code mysql}, {@code h2}, …) to a dialect name. */
    public static String dialectNameForJdbcSubprotocol(String subprotocol) {
        return switch (subprotocol) {
            case "pgsql", "postgres" -> "postgresql";
            default -> subprotocol;
        };
    }

    private static String known() {
        return String.join(", ", new TreeSet<>(DIALECTS.keySet()));
    }

    private static Dialect newInstance(Class<? extends Dialect> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ArgumentException("Cannot instantiate dialect " + type.getName() + ": " + e, e);
        }
    }
}
