package dev.retort.engine.spring.boot.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineUrl;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.IsolationLevel;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.DialectRegistry;
import dev.retort.engine.event.ConnectionListener;
import dev.retort.engine.event.PoolListener;
import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.pool.PoolSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Builds an {@link Engine} from {@link RetortEngineProperties}, checking every setting first so that a bad one is
 * reported as an {@link InvalidEngineConfigurationException} naming the property (never the password).
 */
final class EngineFactory {

    private static final boolean CONNECTION_DETAILS_PRESENT = ClassUtils.isPresent(
            "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails", EngineFactory.class.getClassLoader());

    private final ListableBeanFactory beans;
    private final Environment environment;

    EngineFactory(ListableBeanFactory beans, Environment environment) {
        this.beans = beans;
        this.environment = environment;
    }

    /**
     * Builds the engine configured under {@code prefix} ({@code retort.engine} or {@code retort.engines.NAME}) over
     * the application's {@code dataSource}, applying every listener and customizer bean. The pool is the
     * application's, so {@code prefix.pool.*} must not be set.
     */
    Engine overDataSource(String prefix, RetortEngineProperties p, @Nullable DataSource dataSource) {
        if (dataSource == null) {
            throw invalid(prefix + ".url", prefix + ".url is not set and the application has no single DataSource "
                    + "bean to build the engine over.", "Set " + prefix + ".url, or configure a DataSource "
                    + "(spring.datasource.url).");
        }
        List<String> poolProperties = ConfiguredProperties.under(environment, prefix + ".pool");
        if (!poolProperties.isEmpty()) {
            throw invalid(poolProperties.get(0), String.join(", ", poolProperties) + " would have no effect: the "
                    + "engine uses the application's DataSource, whose pool Spring Boot configures.", "Configure the "
                    + "pool with spring.datasource.hikari.* (maximum-pool-size, minimum-idle, connection-timeout, "
                    + "max-lifetime, ...) and remove " + prefix + ".pool.*; or set " + prefix + ".url to let the "
                    + "engine build its own pool from " + prefix + ".pool.*.");
        }
        return build(prefix, p, Engine.builder(dataSource), dataSource);
    }

    /**
     * Builds the engine configured under {@code prefix} from its URL (or, for the single engine, from a
     * {@code JdbcConnectionDetails} bean such as a Testcontainers service connection): the engine owns its pool.
     * When {@code applicationDataSource}, the pool hands out connections in JDBC's autocommit mode, as the
     * application's {@code DataSource} (the engine still autobegins). Unless {@code prefix.fail-fast} is
     * {@code false}, one connection to the database is opened (and closed) before this returns.
     */
    OwnedEngine owned(String prefix, RetortEngineProperties p, boolean applicationDataSource) {
        Engine.Builder builder = urlBuilder(prefix, p);
        if (applicationDataSource) {
            builder.hikari(config -> config.setAutoCommit(true));
        }
        Engine engine = build(prefix, p, builder, null);
        if (p.failFast()) {
            FailFast.check(prefix, engine, p.password());
        }
        return new OwnedEngine(engine);
    }

    private Engine build(String prefix, RetortEngineProperties p, Engine.Builder builder,
            @Nullable DataSource dataSource) {
        Dialect dialect = dialect(prefix, p, builder, dataSource);
        checkPool(prefix, p);
        if (p.queryCacheSize() < 0) {
            throw invalid(prefix + ".query-cache-size", "query-cache-size must be 0 (disabled) or more, was "
                    + p.queryCacheSize(), "Set " + prefix + ".query-cache-size to 0 or a positive number (default 500).");
        }
        String loggingName = p.loggingName() != null ? p.loggingName()
                : prefix.startsWith("retort.engines.") ? prefix.substring("retort.engines.".length()) : null;
        builder.echo(p.echo()).hideParameters(p.hideParameters()).loggingName(loggingName)
                .queryCacheSize(p.queryCacheSize());
        if (p.isolationLevel() != null) {
            builder.isolationLevel(isolationLevel(prefix + ".isolation-level", p.isolationLevel(), dialect));
        }
        ExecutionOptions options = executionOptions(prefix, p.executionOptions(), dialect);
        if (!options.isEmpty()) {
            builder.executionOptions(options);
        }
        if (dataSource == null) {
            RetortEngineProperties.Pool pool = p.pool();
            builder.poolSize(pool.size()).maxOverflow(pool.maxOverflow()).poolTimeout(pool.timeout())
                    .poolRecycle(pool.recycle()).poolPrePing(pool.prePing()).poolClass(pool.poolClass());
        }
        replicas(prefix, p, builder);
        beans.getBeanProvider(ConnectionListener.class).orderedStream().forEach(builder::listener);
        beans.getBeanProvider(PoolListener.class).orderedStream().forEach(builder::poolListener);
        beans.getBeanProvider(EngineCustomizer.class).orderedStream().forEach(c -> c.customize(builder));
        try {
            return builder.build();
        } catch (ArgumentException e) {
            throw invalid(prefix, Redaction.redact(e.getMessage(), p.password()), "Correct the " + prefix
                    + ".* settings (or the EngineCustomizer beans) so that the engine can be built.", e);
        }
    }

    private Engine.Builder urlBuilder(String prefix, RetortEngineProperties p) {
        Engine.Builder serviceConnection = prefix.equals("retort.engine") && CONNECTION_DETAILS_PRESENT
                ? ConnectionDetails.serviceConnection(beans) : null;
        if (serviceConnection != null) {
            return serviceConnection;
        }
        try {
            return Engine.builder(EngineUrl.parse(p.url())).username(p.username()).password(p.password());
        } catch (ArgumentException e) {
            throw invalid(prefix + ".url", Redaction.redact(e.getMessage(), p.password()), "Set " + prefix
                    + ".url to a database URL such as postgresql://user:password@localhost:5432/mydb, "
                    + "h2:mem:mydb or a jdbc: URL; URL-encode special characters in the password.", e);
        }
    }

    /**
     * The dialect, to check the isolation level against: {@code dialect} when set (the builder is told), else the
     * URL's, else the application DataSource's (the builder is told unless it can read HikariCP's URL itself).
     */
    private Dialect dialect(String prefix, RetortEngineProperties p, Engine.Builder builder,
            @Nullable DataSource dataSource) {
        String property = prefix + (p.dialect() != null ? ".dialect" : ".url");
        try {
            if (p.dialect() != null) {
                builder.dialect(p.dialect());
                return DialectRegistry.get(p.dialect());
            }
            if (p.url() != null) {
                return DialectRegistry.load(EngineUrl.parse(p.url()));
            }
            property = prefix + ".dialect";
            Dialect dialect = DialectRegistry.load(EngineUrl.parse(dataSourceJdbcUrl(prefix, dataSource)));
            if (!(dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null)) {
                builder.dialect(dialect.name());
            }
            return dialect;
        } catch (ArgumentException e) {
            throw invalid(property, Redaction.redact(e.getMessage(), p.password()), "Use one of the known dialects "
                    + "(postgresql, mariadb, mysql, h2) in " + property + ", or add the dialect's module to the "
                    + "classpath (or register it with DialectRegistry.register) before the application starts.", e);
        }
    }

    /** The JDBC URL of an application DataSource: HikariCP's, Boot's JdbcConnectionDetails', or the driver's. */
    private String dataSourceJdbcUrl(String prefix, @Nullable DataSource dataSource) {
        String jdbcUrl = null;
        if (dataSource instanceof HikariDataSource hikari) {
            jdbcUrl = hikari.getJdbcUrl();
        }
        if (jdbcUrl == null && CONNECTION_DETAILS_PRESENT) {
            jdbcUrl = ConnectionDetails.jdbcUrl(beans);
        }
        if (jdbcUrl == null && dataSource != null) {
            try (Connection c = dataSource.getConnection()) {
                jdbcUrl = c.getMetaData().getURL();
            } catch (SQLException e) {
                throw invalid(prefix + ".dialect", "Cannot tell the dialect of the DataSource " + dataSource.getClass()
                        .getName() + ": connecting to read its URL failed (" + e.getMessage() + ")", "Set " + prefix
                        + ".dialect (postgresql, mariadb, mysql, h2, ...).", e);
            }
        }
        if (jdbcUrl == null) {
            throw invalid(prefix + ".dialect", "Cannot tell the dialect of the DataSource.",
                    "Set " + prefix + ".dialect (postgresql, mariadb, mysql, h2, ...).");
        }
        return jdbcUrl;
    }

    /** The read replicas of {@code prefix.replicas[n]}, each URL checked, with their own credentials when given. */
    private static void replicas(String prefix, RetortEngineProperties p, Engine.Builder builder) {
        for (int i = 0; i < p.replicas().size(); i++) {
            RetortEngineProperties.Replica replica = p.replicas().get(i);
            String property = prefix + ".replicas[" + i + "].url";
            if (replica.url() == null) {
                throw invalid(property, property + " is not set.", "Set " + property + " to the replica's database "
                        + "URL, e.g. postgresql://user:password@standby:5432/mydb, or remove the replica.");
            }
            try {
                EngineUrl url = EngineUrl.parse(replica.url());
                if (replica.username() != null || replica.password() != null) {
                    url = url.withCredentials(replica.username() != null ? replica.username() : url.username(),
                            replica.password() != null ? replica.password() : url.password());
                }
                builder.replicas(url);
            } catch (ArgumentException e) {
                throw invalid(property, Redaction.redact(e.getMessage(), replica.password()), "Set " + property
                        + " to a database URL of the same kind as " + prefix + ".url; URL-encode special "
                        + "characters in the password.", e);
            }
        }
        if (!p.replicas().isEmpty()) {
            builder.replicaFallback(p.replicaFallback()).replicaRecheck(p.replicaRecheck());
        }
    }

    private static IsolationLevel isolationLevel(String property, String value, Dialect dialect) {
        try {
            return dialect.checkIsolationLevel(value);
        } catch (ArgumentException e) {
            throw invalid(property, "Invalid isolation level '" + value + "' for the " + dialect.name()
                    + " dialect.", "Set " + property + " to one of: " + validLevels(dialect) + ".", e);
        }
    }

    private static String validLevels(Dialect dialect) {
        return String.join(", ", dialect.isolationLevels().stream().map(IsolationLevel::sqlName).sorted().toList());
    }

    private static ExecutionOptions executionOptions(String prefix, Map<String, String> raw, Dialect dialect) {
        if (raw.isEmpty()) {
            return ExecutionOptions.empty();
        }
        Map<String, Object> options = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            String option = key.replace('-', '_');
            options.put(option, option.equals(ExecutionOptions.TIMEOUT) ? DurationStyle.detectAndParse(value,
                    ChronoUnit.SECONDS) : value);
        });
        Object level = options.get(ExecutionOptions.ISOLATION_LEVEL);
        if (level != null) {
            isolationLevel(prefix + ".execution-options.isolation_level", level.toString(), dialect);
        }
        try {
            return ExecutionOptions.of(options);
        } catch (ArgumentException e) {
            throw invalid(prefix + ".execution-options", e.getMessage(), "Correct the value in " + prefix
                    + ".execution-options.", e);
        }
    }

    /** The engine's own pool validation ({@link PoolSettings#check}), reported against the property. */
    private static void checkPool(String prefix, RetortEngineProperties p) {
        RetortEngineProperties.Pool pool = p.pool();
        PoolSettings.Invalid invalid = PoolSettings.check(pool.size(), pool.maxOverflow(), pool.timeout(),
                pool.recycle());
        if (invalid != null) {
            String property = prefix + ".pool." + switch (invalid.setting()) {
                case "poolSize" -> "size";
                case "maxOverflow" -> "max-overflow";
                case "poolTimeout" -> "timeout";
                default -> "recycle";
            };
            throw invalid(property, invalid.message() + ".", "Correct " + property + ".");
        }
    }

    private static InvalidEngineConfigurationException invalid(String property, @Nullable String description,
            String action) {
        return new InvalidEngineConfigurationException(property, String.valueOf(description), action);
    }

    /**
     * The cause's stack trace is kept for debugging, its message is not: engine messages can contain the URL as
     * typed, password included.
     */
    private static InvalidEngineConfigurationException invalid(String property, @Nullable String description,
            String action, Exception cause) {
        InvalidEngineConfigurationException e = invalid(property, description, action);
        e.setStackTrace(cause.getStackTrace());
        return e;
    }

    /** Reads Boot's JdbcConnectionDetails; only loaded when spring-boot-jdbc is on the classpath. */
    private static final class ConnectionDetails {

        private static final String PROPERTIES_DETAILS =
                "org.springframework.boot.jdbc.autoconfigure.PropertiesJdbcConnectionDetails";

        static @Nullable String jdbcUrl(ListableBeanFactory beans) {
            JdbcConnectionDetails details = beans.getBeanProvider(JdbcConnectionDetails.class).getIfUnique();
            return details != null ? details.getJdbcUrl() : null;
        }

        /**
         * A builder from the {@code JdbcConnectionDetails} bean that is not Boot's view of {@code spring.datasource.*}
         * (a Testcontainers or Docker Compose service connection, or the application's own), else {@code null}.
         */
        static Engine.@Nullable Builder serviceConnection(ListableBeanFactory beans) {
            JdbcConnectionDetails details = beans.getBeanProvider(JdbcConnectionDetails.class).getIfUnique();
            if (details == null || details.getClass().getName().equals(PROPERTIES_DETAILS)) {
                return null;
            }
            return Engine.builder(EngineUrl.parse(details.getJdbcUrl())).username(details.getUsername())
                    .password(details.getPassword());
        }
    }
}
