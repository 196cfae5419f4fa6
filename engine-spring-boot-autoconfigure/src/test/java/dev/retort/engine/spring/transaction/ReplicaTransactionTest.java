package dev.retort.engine.spring.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.TextClause;
import dev.retort.engine.testing.WhoAmI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-only Spring transactions of an engine with a replica run on the replica; everything else on the primary. The
 * primary and the replica are two H2 databases, each holding a row that names it.
 */
class ReplicaTransactionTest {

    private static final TextClause WHERE = WhoAmI.QUERY;

    private Engine engine;
    private EngineTransactionManager manager;


    @BeforeEach
    void setUp() {
        engine = Engine.builder(WhoAmI.h2("primary")).poolSize(1).maxOverflow(2).replicas(WhoAmI.h2("replica"))
                .build();
        manager = new EngineTransactionManager(engine);
    }

    @AfterEach
    void tearDown() {
        assertThat(engine.pool().checkedOut()).isZero();
        assertThat(engine.replicas().get(0).pool().checkedOut()).isZero();
        assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
        engine.close();
    }

    private TransactionTemplate template(boolean readOnly, int propagation) {
        TransactionTemplate template = new TransactionTemplate(manager);
        template.setReadOnly(readOnly);
        template.setPropagationBehavior(propagation);
        return template;
    }

    @Test
    void aReadOnlyTransactionRunsOnTheReplicaWithEverythingInIt() {
        String[] seen = template(true, TransactionDefinition.PROPAGATION_REQUIRED).execute(status -> {
            try (Connection c = engine.connect()) {
                String viaEngine = (String) c.scalar(WHERE);
                String viaJdbcTemplate = new JdbcTemplate(engine.dataSource()).queryForObject(
                        "SELECT name FROM whoami", String.class);
                return new String[] {viaEngine, viaJdbcTemplate};
            }
        });
        assertThat(seen).containsExactly("replica", "replica");
    }

    @Test
    void aReadWriteTransactionRunsOnThePrimary() {
        Object seen = template(false, TransactionDefinition.PROPAGATION_REQUIRED)
                .execute(status -> engine.withConnection(c -> c.scalar(WHERE)));
        assertThat(seen).isEqualTo("primary");
    }

    @Test
    void engineConnectInAReadOnlyContextWithoutATransactionReadsFromTheReplica() {
        Object seen = template(true, TransactionDefinition.PROPAGATION_SUPPORTS)
                .execute(status -> engine.withConnection(c -> c.scalar(WHERE)));
        assertThat(seen).isEqualTo("replica");
        Object forced = template(true, TransactionDefinition.PROPAGATION_SUPPORTS)
                .execute(status -> engine.withPrimary().withConnection(c -> c.scalar(WHERE)));
        assertThat(forced).isEqualTo("primary");
    }
}
