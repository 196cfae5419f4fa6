package dev.retort.sample;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same end-to-end tests on PostgreSQL (profile {@code postgres}). Required when {@code CI=true}; elsewhere
 * skipped with a message when the server is not reachable.
 */
@ActiveProfiles("postgres")
class PostgresLedgerApplicationTest extends LedgerApplicationTest {

    private static final String URL = System.getenv().getOrDefault("LEDGER_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");

    @BeforeAll
    static void freshTables() {
        try (var c = DriverManager.getConnection(URL, "postgres", ""); var st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS ledger_transfers, ledger_accounts");
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + URL + " (" + e.getMessage() + "); start it with "
                    + "scripts/test-databases.sh or set LEDGER_DB_URL";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true requires " + message, e);
            }
            Assumptions.assumeTrue(false, message);
        }
    }
}
