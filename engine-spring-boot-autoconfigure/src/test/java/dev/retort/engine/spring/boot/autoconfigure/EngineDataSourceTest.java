package dev.retort.engine.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Sql;
import dev.retort.engine.spring.testing.TestDatabase;
import dev.retort.engine.spring.transaction.EngineTransactionManager;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The three ways to configure engines, as a Boot application sees them: the engine over the application's
 * {@code DataSource}, an engine owning its pool ({@code retort.engine.url}), which then is the application's
 * {@code DataSource}, and named engines, each with its own {@code DataSource} and transaction manager. On H2 and
 * PostgreSQL.
 */
class EngineDataSourceTest {

    static final AutoConfigurations BOOT_JDBC = AutoConfigurations.of(RetortDataSourceAutoConfiguration.class,
            RetortEngineAutoConfiguration.class, DataSourceAutoConfiguration.class,
            DataSourceInitializationAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
            TransactionManagerCustomizationAutoConfiguration.class, TransactionAutoConfiguration.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(BOOT_JDBC);

    static Stream<TestDatabase> databases() {
        return Stream.of(TestDatabase.H2, TestDatabase.POSTGRESQL);
    }

    static String[] engineUrl(String prefix, TestDatabase.Db db, String... more) {
        return Stream.concat(Stream.of(prefix + ".url=" + db.jdbcUrl(), prefix + ".username=" + db.username(),
                prefix + ".password=" + (db.password() == null ? "" : db.password())), Stream.of(more))
                .toArray(String[]::new);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void engineUrlAloneMakesTheEnginesPoolTheApplicationsDataSource(TestDatabase database) {
        try (TestDatabase.Db db = database.create()) {
            runner.withPropertyValues(engineUrl("retort.engine", db)).run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(DataSource.class).hasSingleBean(Engine.class);
                Engine engine = context.getBean(Engine.class);
                DataSource dataSource = context.getBean(DataSource.class);
                assertThat(dataSource).isSameAs(engine.dataSource());
                assertThat(context.getBean(JdbcTemplate.class).getDataSource()).isSameAs(dataSource);
                assertThat(context.getBean(PlatformTransactionManager.class)).isInstanceOf(
                        EngineTransactionManager.class);
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                JdbcClient client = context.getBean(JdbcClient.class);
                jdbc.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))");
                TransactionTemplate tx = context.getBean(TransactionTemplate.class);

                tx.executeWithoutResult(status -> {
                    engine.withConnection(c -> c.execute(Sql.text("INSERT INTO items VALUES (1, 'engine')")));
                    jdbc.update("INSERT INTO items VALUES (2, 'template')");
                    client.sql("INSERT INTO items VALUES (3, 'client')").update();
                    status.setRollbackOnly();
                });
                assertThat(rows(db)).isZero();

                tx.executeWithoutResult(status -> {
                    engine.withConnection(c -> c.execute(Sql.text("INSERT INTO items VALUES (1, 'engine')")));
                    jdbc.update("INSERT INTO items VALUES (2, 'template')");
                    client.sql("INSERT INTO items VALUES (3, 'client')").update();
                });
                assertThat(rows(db)).isEqualTo(3);

                // a DataSourceTransactionManager over the same DataSource: the engine joins its transaction too
                TransactionTemplate jdbcTx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
                jdbcTx.executeWithoutResult(status -> {
                    engine.withConnection(c -> c.execute(Sql.text("INSERT INTO items VALUES (4, 'engine')")));
                    jdbc.update("INSERT INTO items VALUES (5, 'template')");
                    status.setRollbackOnly();
                });
                assertThat(rows(db)).isEqualTo(3);
                assertThat(engine.pool().checkedOut()).isZero();
            });
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void outsideATransactionJdbcAutocommitsWhileTheEngineAutobegins(TestDatabase database) {
        try (TestDatabase.Db db = database.create()) {
            runner.withPropertyValues(engineUrl("retort.engine", db)).run(context -> {
                Engine engine = context.getBean(Engine.class);
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                jdbc.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))");

                jdbc.update("INSERT INTO items VALUES (1, 'template')");
                assertThat(rows(db)).as("committed by JDBC autocommit").isEqualTo(1);

                try (Connection c = engine.connect()) {
                    c.execute(Sql.text("INSERT INTO items VALUES (2, 'engine')"));
                    assertThat(c.inTransaction()).as("autobegun").isTrue();
                } // closed without commit: rolled back
                assertThat(rows(db)).isEqualTo(1);

                jdbc.update("INSERT INTO items VALUES (3, 'template')");
                assertThat(rows(db)).as("the pool gave back an autocommit connection").isEqualTo(2);
            });
        }
    }

    @Test
    void anEngineCustomizerAdjustingHikariKeepsJdbcAutocommit() {
        try (TestDatabase.Db db = TestDatabase.H2.create()) {
            runner.withPropertyValues(engineUrl("retort.engine", db))
                    .withBean(EngineCustomizer.class, () -> builder -> builder.hikari(c -> c.setMaximumPoolSize(4)))
                    .run(context -> {
                        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                        jdbc.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))");
                        jdbc.update("INSERT INTO items VALUES (1, 'template')");
                        assertThat(rows(db)).isEqualTo(1);
                        assertThat(context.getBean(DataSource.class).unwrap(HikariDataSource.class)
                                .getMaximumPoolSize()).as("the customizer applied too").isEqualTo(4);
                    });
        }
    }

    @Test
    void springDatasourceAndEngineUrlTogetherFailNamingBothAndTheWaysOut() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:two_a", "retort.engine.url=h2:mem:two_b")
                .run(context -> {
                    FailureAnalysis analysis = analysis(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("retort.engine.url", "spring.datasource.url",
                            "Two pools");
                    assertThat(analysis.getAction()).contains("remove retort.engine.url", "remove spring.datasource.*",
                            "retort.engine.separate-pool=true");
                });
    }

    @Test
    void anApplicationDataSourceBeanAndEngineUrlTogetherFail() {
        runner.withPropertyValues("retort.engine.url=h2:mem:two_c").withUserConfiguration(PlainDataSource.class)
                .run(context -> assertThat(analysis(context.getStartupFailure()).getDescription())
                        .contains("retort.engine.url", "DataSource bean [dataSource]"));
    }

    @Test
    void separatePoolIsTheExplicitWayToTwoPools() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:two_d", "retort.engine.url=h2:mem:two_e",
                "retort.engine.separate-pool=true").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(DataSource.class);
                    assertThat(context.getBean(Engine.class).dataSource())
                            .isNotSameAs(context.getBean(DataSource.class));
                });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void namedEnginesEachHaveADataSourceAndATransactionManagerThatJdbcTemplateJoins(TestDatabase database) {
        try (TestDatabase.Db a = database.create(); TestDatabase.Db b = database.create()) {
            runner.withPropertyValues(engineUrl("retort.engines.orders", a, "retort.engines.orders.primary=true"))
                    .withPropertyValues(engineUrl("retort.engines.reports", b))
                    .withUserConfiguration(ReportsJdbc.class).run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBeansOfType(DataSource.class)).containsOnlyKeys("ordersDataSource",
                                "reportsDataSource");
                        Engine reports = context.getBean("reportsEngine", Engine.class);
                        assertThat(context.getBean("reportsDataSource")).isSameAs(reports.dataSource());
                        assertThat(context.getBean(DataSource.class)).isSameAs(context.getBean("ordersDataSource"));
                        assertThat(context.getBean(JdbcTemplate.class).getDataSource())
                                .isSameAs(context.getBean("ordersDataSource"));
                        JdbcTemplate reportsJdbc = context.getBean(ReportsJdbc.class).jdbc;
                        reportsJdbc.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))");
                        TransactionTemplate tx = new TransactionTemplate(context.getBean("reportsTransactionManager",
                                PlatformTransactionManager.class));
                        tx.executeWithoutResult(status -> {
                            reports.withConnection(c -> c.execute(Sql.text("INSERT INTO items VALUES (1, 'e')")));
                            reportsJdbc.update("INSERT INTO items VALUES (2, 'template')");
                            status.setRollbackOnly();
                        });
                        assertThat(rows(b)).isZero();
                        tx.executeWithoutResult(status -> {
                            reports.withConnection(c -> c.execute(Sql.text("INSERT INTO items VALUES (1, 'e')")));
                            reportsJdbc.update("INSERT INTO items VALUES (2, 'template')");
                        });
                        assertThat(rows(b)).isEqualTo(2);
                    });
        }
    }

    @Test
    void namedEnginesWithSpringDatasourceFailLikeTheSingleEngine() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:two_f", "retort.engines.a.url=h2:mem:two_g")
                .run(context -> assertThat(analysis(context.getStartupFailure()).getDescription())
                        .contains("retort.engines.a.url", "spring.datasource.url"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBeanReadingThroughTheEngineAtStartUpSeesTheSqlInitTables(TestDatabase database) {
        try (TestDatabase.Db db = database.create()) {
            runner.withPropertyValues(engineUrl("retort.engine", db, "spring.sql.init.mode=always",
                    "spring.sql.init.schema-locations=classpath:retort/schema.sql"))
                    .withUserConfiguration(StartUpReader.class).run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(StartUpReader.class).name).isEqualTo("from init");
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void flywayMigratesTheEnginesPoolBeforeTheEngineIsUsed(TestDatabase database) {
        try (TestDatabase.Db db = database.create()) {
            runner.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
                    .withPropertyValues(engineUrl("retort.engine", db, "spring.flyway.locations=classpath:retort/flyway"))
                    .withUserConfiguration(StartUpReader.class).run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(StartUpReader.class).name).isEqualTo("from flyway");
                        assertThat(context.getBean(Flyway.class).getConfiguration().getDataSource())
                                .isSameAs(context.getBean(Engine.class).dataSource());
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void liquibaseMigratesTheEnginesPoolBeforeTheEngineIsUsed(TestDatabase database) {
        try (TestDatabase.Db db = database.create()) {
            runner.withConfiguration(AutoConfigurations.of(LiquibaseAutoConfiguration.class))
                    .withPropertyValues(engineUrl("retort.engine", db,
                            "spring.liquibase.change-log=classpath:retort/liquibase/changelog.yaml"))
                    .withUserConfiguration(StartUpReader.class).run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(StartUpReader.class).name).isEqualTo("from liquibase");
                        assertThat(context.getBean(SpringLiquibase.class).getDataSource())
                                .isSameAs(context.getBean(Engine.class).dataSource());
                        assertThat(context.getBean(Engine.class).pool().checkedOut()).isZero();
                    });
        }
    }

    @Test
    void namedEnginesAlsoWaitForSqlInitOnThePrimary() {
        runner.withPropertyValues("retort.engines.main.url=jdbc:h2:mem:init_named;DB_CLOSE_DELAY=-1",
                "retort.engines.main.primary=true", "retort.engines.other.url=h2:mem:init_other",
                "spring.sql.init.mode=always", "spring.sql.init.schema-locations=classpath:retort/schema.sql")
                .withUserConfiguration(StartUpReader.class)
                .run(context -> assertThat(context.getBean(StartUpReader.class).name).isEqualTo("from init"));
    }

    @Test
    void anEngineOverBootsDataSourceAlsoWaitsForSqlInit() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:init_over_ds", "spring.sql.init.mode=always",
                "spring.sql.init.schema-locations=classpath:retort/schema.sql")
                .withUserConfiguration(StartUpReader.class)
                .run(context -> assertThat(context.getBean(StartUpReader.class).name).isEqualTo("from init"));
    }

    @Test
    void poolPropertiesOverTheApplicationDataSourceFailAndPointToHikariSettings() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:pool_over_ds", "retort.engine.pool.size=3")
                .run(context -> {
                    FailureAnalysis analysis = analysis(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("retort.engine.pool.size", "no effect");
                    assertThat(analysis.getAction()).contains("spring.datasource.hikari.");
                });
    }

    @Test
    void aJdbcConnectionDetailsBeanSuppliesTheEnginesDatabase() {
        runner.withUserConfiguration(Details.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Engine.class).url().toJdbcUrl()).isEqualTo(Details.URL);
        });
        runner.withPropertyValues("retort.engine.url=h2:mem:overridden").withUserConfiguration(Details.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Engine engine = context.getBean(Engine.class);
                    assertThat(engine.url().toJdbcUrl()).isEqualTo(Details.URL);
                    assertThat(context.getBean(DataSource.class)).isSameAs(engine.dataSource());
                });
    }

    static int rows(TestDatabase.Db db) throws SQLException {
        try (java.sql.Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM items")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A hand-written {@code JdbcConnectionDetails}, as Testcontainers' {@code @ServiceConnection} makes one. */
    static JdbcConnectionDetails h2Details(String url) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "sa";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    static FailureAnalysis analysis(Throwable failure) {
        assertThat(failure).as("start-up failure").isNotNull();
        FailureAnalysis analysis = new InvalidEngineConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysis of %s", failure).isNotNull();
        return analysis;
    }

    @Configuration(proxyBeanMethods = false)
    static class PlainDataSource {
        @Bean
        DataSource dataSource() {
            return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:plain_two", "sa", "");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReportsJdbc {
        final JdbcTemplate jdbc;

        ReportsJdbc(@Qualifier("reports") DataSource reports) {
            this.jdbc = new JdbcTemplate(reports);
        }
    }

    /** Reads through the engine while the context starts. */
    @Configuration(proxyBeanMethods = false)
    static class StartUpReader {
        final Object name;

        StartUpReader(Engine engine) {
            this.name = engine.scalar(Sql.text("SELECT name FROM init_items WHERE id = 1"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Details {
        static final String URL = "jdbc:h2:mem:details_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

        @Bean
        JdbcConnectionDetails jdbcConnectionDetails() {
            return h2Details(URL);
        }
    }
}
