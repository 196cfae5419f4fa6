package dev.retort.engine.spi;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import org.jspecify.annotations.Nullable;

/**
 * Lets a framework that owns transactions (Spring) hand {@link Engine#connect()} the connection of the transaction
 * in progress. Implementations are discovered with {@link java.util.ServiceLoader}; the first one that returns a
 * connection wins. Return a branch made with {@link Connection#branch(ExternalTransaction)} or
 * {@link Engine#adopt(java.sql.Connection, ExternalTransaction)}.
 */
public interface ContextualConnectionResolver {

    /** The current context's connection for this engine, or {@code null} when there is none. */
    @Nullable Connection resolve(Engine engine);

    /**
     * Whether the current context runs read-only work without a connection for this engine (e.g. a read-only Spring
     * transaction of another transaction manager, or {@code PROPAGATION_SUPPORTS}): {@link Engine#connect()} then
     * checks out of a replica, on an engine that has replicas. Asked only after {@link #resolve} found nothing.
     * Default: {@code false}.
     */
    default boolean isReadOnly(Engine engine) {
        return false;
    }
}
