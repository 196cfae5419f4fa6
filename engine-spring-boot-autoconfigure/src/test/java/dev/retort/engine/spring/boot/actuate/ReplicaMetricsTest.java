package dev.retort.engine.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineUrl;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.testing.WhoAmI;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Each pool of an engine with replicas has its own pool meters, tagged {@code role} and {@code host}. */
class ReplicaMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aReplicasCheckoutsAreCountedOnItsOwnMetersNotThePrimarys() {
        String replica = WhoAmI.h2("replica");
        try (Engine engine = Engine.builder(WhoAmI.h2("primary")).replicas(replica).build()) {
            EngineMetrics.bindTo(engine, "main", registry);
            try (Connection c = engine.connectDirect(ExecutionOptions.empty().withReadOnly(true))) {
                c.scalar(WhoAmI.QUERY);
                assertThat(registry.get(EngineMetrics.ACTIVE).tags("engine", "main", "role", "replica").gauge()
                        .value()).isEqualTo(1.0);
                assertThat(registry.get(EngineMetrics.ACTIVE).tags("engine", "main", "role", "primary").gauge()
                        .value()).isZero();
            }
            engine.connect().close();
            assertThat(registry.get(EngineMetrics.CHECKOUT).tags("role", "replica", "host", "local").timer().count())
                    .isEqualTo(1);
            assertThat(registry.get(EngineMetrics.CHECKOUT).tags("role", "primary").timer().count()).isEqualTo(1);
            assertThat(registry.get(EngineMetrics.INVALIDATIONS).tags("role", "replica").counter().count()).isZero();
        }
    }

    @Test
    void everyPoolHasHikariCpsOwnMetersUnderItsPoolName() {
        try (Engine engine = Engine.builder(WhoAmI.h2("primary")).loggingName("main").poolSize(2).maxOverflow(0)
                .replicas(WhoAmI.h2("replica")).build()) {
            EngineMetrics.bindTo(engine, "main", registry);
            engine.connectDirect(ExecutionOptions.empty().withReadOnly(true)).close();
            engine.connect().close();
            assertThat(registry.find("hikaricp.connections.max").gauges()).hasSize(2);
            assertThat(registry.get("hikaricp.connections.max").tag("pool", "retort-main").gauge().value())
                    .isEqualTo(2.0);
            assertThat(registry.get("hikaricp.connections.max").tag("pool", "retort-main-replica1").gauge().value())
                    .isEqualTo(2.0);
        }
    }

    @Test
    void theHostTagListsThePoolsHosts() {
        try (Engine engine = Engine.builder("postgresql://u:pw@127.0.0.1:5459,127.0.0.1:5458/db")
                .replicas(EngineUrl.parse("postgresql://127.0.0.1:5457/db")).build()) {
            EngineMetrics.bindTo(engine, "main", registry);
            assertThat(registry.get(EngineMetrics.ACTIVE).tags("role", "primary").gauge().getId().getTag("host"))
                    .isEqualTo("127.0.0.1:5459,127.0.0.1:5458");
            assertThat(registry.get(EngineMetrics.ACTIVE).tags("role", "replica").gauge().getId().getTag("host"))
                    .isEqualTo("127.0.0.1:5457");
        }
    }
}
