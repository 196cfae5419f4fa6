package dev.retort.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Bounds a statement that has a {@code timeout} even when the network is gone. A JDBC query timeout alone does not:
 * pgjdbc cancels over a new connection through the same dead network, and a driver blocked in a socket read never
 * sees its own timer. So while a statement with a timeout runs, the driver's network timeout
 * ({@link Connection#setNetworkTimeout}) is set to the statement timeout plus {@link #MARGIN_MILLIS}: the server's
 * own cancellation comes first when the network works; when it does not, the driver gives up, the connection is
 * invalidated and the caller gets a typed error. Statements without a timeout get the connection's own network
 * timeout back (a driver {@code socketTimeout}, or none). One instance per engine connection, created on the first
 * statement with a timeout; pools reset the network timeout when the connection goes back.
 */
public final class NetworkTimeout {

    /** How long past the statement timeout the driver waits for the network before giving up on the connection. */
    public static final int MARGIN_MILLIS = 2_000;

    private static final Executor DIRECT = Runnable::run;

    private final Connection connection;
    private final int baseline;
    private int current;

    private NetworkTimeout(Connection connection, int baseline) {
        this.connection = connection;
        this.baseline = baseline;
        this.current = baseline;
    }

    /**
     * Sets the network timeout for the next statement on {@code connection}.
     *
     * @param state what an earlier call returned for this engine connection, or {@code null}
     * @param timeoutSeconds the statement's timeout; 0 for none
     * @return the state to pass next time ({@code null} while no statement had a timeout)
     */
    public static @Nullable NetworkTimeout apply(@Nullable NetworkTimeout state, Connection connection,
            int timeoutSeconds) throws SQLException {
        if (timeoutSeconds <= 0 && (state == null || state.current == state.baseline)) {
            return state;
        }
        if (state == null || state.connection != connection) {
            int baseline;
            try {
                baseline = connection.getNetworkTimeout();
            } catch (SQLFeatureNotSupportedException e) {
                return null; // an embedded database has no network to lose
            }
            state = new NetworkTimeout(connection, baseline);
        }
        int wanted = state.baseline;
        if (timeoutSeconds > 0) {
            long bound = timeoutSeconds * 1000L + MARGIN_MILLIS;
            wanted = (int) (state.baseline > 0 ? Math.min(state.baseline, bound) : bound);
        }
        if (wanted != state.current) {
            connection.setNetworkTimeout(DIRECT, wanted);
            state.current = wanted;
        }
        return state;
    }
}
