package dev.retort.engine.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.retort.engine.Engine;
import dev.retort.engine.EngineUrl;
import dev.retort.engine.exc.DBAPIException;
import dev.retort.engine.exc.OperationalException;
import dev.retort.engine.exc.PoolTimeoutException;
import dev.retort.engine.testing.PrivatePostgres;
import dev.retort.engine.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 5: a database that cannot be reached or refuses the login is reported with the driver's reason
 * first, as a connect failure (not a lost connection, not a pool timeout), and an authentication failure fails at
 * once instead of after the whole pool timeout.
 */
class ConnectFailureTest {

    private static final Duration LONG_POOL_TIMEOUT = Duration.ofSeconds(20);

    private static Throwable connectError(String url) {
        try (Engine engine = Engine.builder(url).poolTimeout(LONG_POOL_TIMEOUT).build()) {
            long start = System.nanoTime();
            Throwable error = catchThrowable(() -> engine.connect().close());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).as("fails at once, not after poolTimeout").isLessThan(LONG_POOL_TIMEOUT.toMillis() / 2);
            assertThat(engine.pool().checkedOut()).isZero();
            return error;
        }
    }

    @Test
    void aRefusedPortGivesTheDriversReasonFirst() {
        Throwable error = connectError("postgresql://postgres@127.0.0.1:5449/test");
        assertThat(error).isInstanceOf(OperationalException.class).isNotInstanceOf(PoolTimeoutException.class);
        assertThat(((DBAPIException) error).connectionInvalidated()).isFalse();
        assertThat(error.getMessage()).contains("refused").contains("Could not open a connection to")
                .contains("Check that the server runs").doesNotContain("invalidated").doesNotContain("timed out");
    }

    @Test
    void aWrongPasswordFailsAtOnceWithoutShowingThePassword() {
        TestDatabase.MARIADB.requireAvailable();
        EngineUrl url = EngineUrl.parse(TestDatabase.MARIADB.url()).withCredentials("retort_nobody", "s3cret-pw");
        Throwable error = connectError(url.renderAsString(false));
        assertThat(error).isInstanceOf(OperationalException.class);
        assertThat(error.getMessage()).startsWith("(").contains("Access denied")
                .contains("Check the user name and password").doesNotContain("s3cret-pw")
                .doesNotContain("invalidated");
    }

    @Test
    void aServerThatIsDownIsAConnectFailureAndTheEngineRecoversWhenItIsBack() {
        try (PrivatePostgres cluster = PrivatePostgres.create("retort_down", 5442);
                Engine engine = Engine.builder(cluster.url()).poolSize(1).maxOverflow(0)
                        .poolTimeout(Duration.ofSeconds(3)).poolPrePing(true).build()) {
            engine.connect().close();
            cluster.stop();
            Throwable error = catchThrowable(() -> engine.connect().close());
            assertThat(error).isInstanceOf(OperationalException.class);
            assertThat(error.getMessage()).doesNotContain("invalidated");
            cluster.start();
            engine.connect().close();
            assertThat(engine.pool().checkedOut()).isZero();
        }
    }
}
