package dev.retort.engine.internal;

import dev.retort.engine.EngineUrl;
import dev.retort.engine.exc.ArgumentException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks at {@code build()} that a JDBC driver accepts the engine's URL, so a missing driver or a malformed URL is
 * one {@link ArgumentException} naming the fix instead of a failure at every {@code connect()}.
 */
public final class JdbcDrivers {

    /** Sub-protocol to the driver class and the Maven coordinates that provide it. */
    private static final Map<String, String[]> KNOWN = Map.of(
            "postgresql", new String[] {"org.postgresql.Driver", "org.postgresql:postgresql"},
            "mariadb", new String[] {"org.mariadb.jdbc.Driver", "org.mariadb.jdbc:mariadb-java-client"},
            "mysql", new String[] {"com.mysql.cj.jdbc.Driver", "com.mysql:mysql-connector-j"},
            "h2", new String[] {"org.h2.Driver", "com.h2database:h2"});

    private JdbcDrivers() {
    }

    /**
     * Makes sure a registered driver accepts {@code jdbcUrl}.
     *
     * @throws ArgumentException naming the driver artifact to add, or saying the URL is malformed when the driver is
     *         there but refuses it
     */
    public static void require(String jdbcUrl, EngineUrl url) {
        try {
            DriverManager.getDriver(jdbcUrl);
            return;
        } catch (SQLException e) {
            // no driver accepts it: tell apart "not installed" and "URL refused" below
        }
        String subprotocol = subprotocol(jdbcUrl);
        String[] known = KNOWN.get(subprotocol);
        String shown = EngineUrl.mask(jdbcUrl);
        if (known != null && isPresent(known[0])) {
            throw new ArgumentException("The " + subprotocol + " JDBC driver (" + known[0] + ") does not accept the "
                    + "URL " + shown + " built from " + url + ": check the host, the port (1-65535) and the database "
                    + "name");
        }
        String artifact = known != null ? known[1] : "the JDBC driver for '" + subprotocol + "'";
        throw new ArgumentException("No JDBC driver for " + shown + " is on the class path: add " + artifact
                + " to the application's dependencies");
    }

    private static String subprotocol(String jdbcUrl) {
        int colon = jdbcUrl.indexOf(':', 5);
        return (colon > 5 ? jdbcUrl.substring(5, colon) : jdbcUrl).toLowerCase(Locale.ROOT);
    }

    private static boolean isPresent(@Nullable String className) {
        try {
            Class.forName(className, false, JdbcDrivers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
