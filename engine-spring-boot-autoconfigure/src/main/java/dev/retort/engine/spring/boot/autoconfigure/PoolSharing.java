package dev.retort.engine.spring.boot.autoconfigure;

import java.util.List;
import org.springframework.core.env.Environment;

/**
 * The rule that an engine with a URL is the application's only pool: its pool becomes the {@code DataSource} bean,
 * so another {@code DataSource} (from {@code spring.datasource.*} or the application's own bean) would be a second
 * pool whose JDBC work does not join the engine's transactions. That is an error unless
 * {@code separate-pool=true} says it is intended.
 */
final class PoolSharing {

    private PoolSharing() {
    }

    /**
     * Fails when the engine under {@code prefix} would share its pool as the application's {@code DataSource}
     * although {@code spring.datasource.*} is set or {@code userDataSources} (bean names) exist.
     */
    static void check(String prefix, Environment environment, List<String> userDataSources) {
        List<String> springDataSource = ConfiguredProperties.under(environment, "spring.datasource");
        if (springDataSource.isEmpty() && userDataSources.isEmpty()) {
            return;
        }
        String other = !springDataSource.isEmpty()
                ? "spring.datasource.* is set too (" + String.join(", ", springDataSource) + ")"
                : "the application defines its own DataSource bean " + userDataSources;
        throw new InvalidEngineConfigurationException(prefix + ".url", "Both " + prefix + ".url and "
                + (springDataSource.isEmpty() ? "a DataSource bean" : "spring.datasource.*") + " configure a "
                + "connection pool: " + prefix + ".url makes the engine build its own pool and share it as the "
                + "application's DataSource, but " + other + ". Two pools would mean that JdbcTemplate, JdbcClient, "
                + "JPA or Flyway write through the other pool, outside the engine's transactions.",
                "Keep one pool: either remove " + prefix + ".url, so that the engine is built over the application's "
                        + "DataSource (configure its pool with spring.datasource.hikari.*), or remove "
                        + (springDataSource.isEmpty() ? "the DataSource bean" : "spring.datasource.*")
                        + ", so that the engine's pool becomes the application's DataSource. To keep two pools on "
                        + "purpose, set " + prefix + ".separate-pool=true.");
    }
}
