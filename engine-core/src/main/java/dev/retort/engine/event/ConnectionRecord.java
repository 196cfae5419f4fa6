package dev.retort.engine.event;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the pool remembers about one physical connection, SQLAlchemy's {@code ConnectionRecord}. {@link #info()} is
 * shared by every checkout of that physical connection and disappears with it.
 */
public final class ConnectionRecord {

    private final Map<String, Object> info = new ConcurrentHashMap<>();
    private final Instant connectedAt;

    /** Creates a record for a connection seen now. */
    public ConnectionRecord(Instant connectedAt) {
        this.connectedAt = connectedAt;
    }

    /** Mutable user data tied to the physical connection. */
    public Map<String, Object> info() {
        return info;
    }

    /** When the engine first saw the physical connection. */
    public Instant connectedAt() {
        return connectedAt;
    }

    @Override
    public String toString() {
        return "ConnectionRecord[connectedAt=" + connectedAt + ", info=" + info.keySet() + "]";
    }
}
