package dev.retort.engine;

import com.zaxxer.hikari.HikariDataSource;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.event.PoolListener;
import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.internal.HikariQueuePool;
import dev.retort.engine.internal.ManagedPool;
import dev.retort.engine.internal.ReplicaRouter;
import dev.retort.engine.pool.PoolSettings;
import dev.retort.engine.pool.ReplicaFallback;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The replica part of {@link Engine.Builder}: what was configured, and building the router from it. */
final class ReplicaSettings {

    /** Builds a replica's pool from its URL ({@code suffix} is added to the pool name). */
    @FunctionalInterface
    interface PoolFactory {
        ManagedPool create(EngineUrl url, Dialect dialect, PoolSettings settings, String suffix);
    }

    final List<EngineUrl> urls = new ArrayList<>();
    final List<DataSource> dataSources = new ArrayList<>();
    ReplicaFallback fallback = ReplicaFallback.PRIMARY;
    Duration recheck = Duration.ofSeconds(10);

    /**
     * The router over {@code primary} and the configured replicas, whose pools get {@code poolListeners}; {@code null}
     * when there are no replicas.
     */
    @Nullable ReplicaRouter router(ManagedPool primary, EngineUrl primaryUrl, Dialect dialect,
            PoolSettings settings, List<PoolListener> poolListeners, PoolFactory factory) {
        if (urls.isEmpty() && dataSources.isEmpty()) {
            return null;
        }
        if (recheck.isNegative()) {
            throw new ArgumentException("replicaRecheck must not be negative, was " + recheck);
        }
        List<ReplicaRouter.Member> members = new ArrayList<>();
        for (EngineUrl url : urls) {
            if (!url.dialectName().equals(primaryUrl.dialectName())) {
                throw new ArgumentException("Replica " + url + " is a " + url.dialectName() + " URL but the primary is "
                        + primaryUrl.dialectName() + "; replicas must be of the primary's database");
            }
            EngineUrl withCredentials = url.username() == null && url.password() == null
                    ? url.withCredentials(primaryUrl.username(), primaryUrl.password()) : url;
            String suffix = "-replica" + (members.size() + 1);
            members.add(new ReplicaRouter.Member(withCredentials,
                    factory.create(withCredentials, dialect, settings, suffix)));
        }
        for (DataSource dataSource : dataSources) {
            String jdbcUrl = dataSource instanceof HikariDataSource hikari ? hikari.getJdbcUrl() : null;
            EngineUrl shown = EngineUrl.parse(jdbcUrl != null ? jdbcUrl
                    : "jdbc:" + dialect.name() + ":datasource-replica" + (members.size() + 1));
            members.add(new ReplicaRouter.Member(shown, HikariQueuePool.borrowed(dataSource, settings, dialect,
                    shown.toString())));
        }
        for (ReplicaRouter.Member member : members) {
            for (PoolListener l : poolListeners) {
                member.managedPool().addListener(l);
            }
        }
        return new ReplicaRouter(primary, members, fallback == ReplicaFallback.PRIMARY, recheck);
    }
}
