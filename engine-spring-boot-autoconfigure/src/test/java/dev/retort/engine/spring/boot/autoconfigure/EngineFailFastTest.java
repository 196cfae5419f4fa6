package dev.retort.engine.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Engine;
import dev.retort.engine.EngineUrl;
import dev.retort.engine.spring.testing.TestDatabase;
import dev.retort.engine.testing.FaultProxy;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * An engine that owns its pool connects once at start-up: a bad login or a dead database stops the application
 * with the driver's message first, within the connect timeout, never showing the password.
 */
class EngineFailFastTest {

    private static final String SECRET = "s3cr3t-pw";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(EngineDataSourceTest.BOOT_JDBC);

    private static FailureAnalysis failsWith(org.springframework.boot.test.context.assertj.AssertableApplicationContext
            context) {
        FailureAnalysis analysis = EngineDataSourceTest.analysis(context.getStartupFailure());
        assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(SECRET);
        for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
        }
        assertThat(analysis.getAction()).contains("retort.engine.fail-fast=false");
        return analysis;
    }

    @Test
    void aWrongPasswordOnH2StopsStartUpWithTheDriversMessageFirst() throws Exception {
        String url = "jdbc:h2:mem:failfast_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (java.sql.Connection owner = DriverManager.getConnection(url, "sa", "right")) {
            runner.withPropertyValues("retort.engine.url=" + url, "retort.engine.username=sa",
                    "retort.engine.password=" + SECRET).run(context -> {
                        String firstLine = failsWith(context).getDescription().lines().findFirst().orElseThrow();
                        assertThat(firstLine).contains("Wrong user name or password");
                    });
        }
    }

    @Test
    void anUnknownRoleOnPostgresqlStopsStartUpWithTheDriversMessageFirst() {
        TestDatabase.POSTGRESQL.requireAvailable();
        EngineUrl server = EngineUrl.parse(dev.retort.engine.testing.TestDatabase.POSTGRESQL.url());
        runner.withPropertyValues("retort.engine.url=postgresql://retort_no_such_role:" + SECRET + "@"
                + server.host() + ":" + server.port() + "/" + server.database()).run(context -> {
                    String firstLine = failsWith(context).getDescription().lines().findFirst().orElseThrow();
                    assertThat(firstLine).contains("retort_no_such_role");
                });
    }

    @Test
    void aDatabaseThatAcceptsButNeverAnswersStopsStartUpWithinThePoolTimeout() throws Exception {
        // a partition in front of the test server: connections are accepted, no byte ever gets through
        int serverPort = EngineUrl.parse(dev.retort.engine.testing.TestDatabase.POSTGRESQL.url()).port();
        try (FaultProxy silent = FaultProxy.to(serverPort)) {
            silent.blackHole();
            long start = System.nanoTime();
            runner.withPropertyValues("retort.engine.url=postgresql://app:" + SECRET + "@127.0.0.1:" + silent.port()
                    + "/app", "retort.engine.pool.timeout=1s").run(context -> {
                        long tookMillis = (System.nanoTime() - start) / 1_000_000;
                        String firstLine = failsWith(context).getDescription().lines().findFirst().orElseThrow();
                        assertThat(firstLine).contains("No answer from the database within 1000 ms");
                        assertThat(tookMillis).isLessThan(10_000);
                    });
        }
    }

    @Test
    void nothingListeningStopsStartUpWithTheDriversMessage() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        runner.withPropertyValues("retort.engine.url=postgresql://app:" + SECRET + "@127.0.0.1:" + port + "/app")
                .run(context -> assertThat(failsWith(context).getDescription().lines().findFirst().orElseThrow())
                        .contains("refused"));
    }

    @Test
    void failFastCanBeSwitchedOff() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        runner.withPropertyValues("retort.engine.url=postgresql://app:" + SECRET + "@127.0.0.1:" + port + "/app",
                "retort.engine.fail-fast=false").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Engine.class);
                });
    }
}
