package dev.retort.engine.spring.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.IsolationLevel;
import dev.retort.engine.Sql;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An engine whose connections run in AUTOCOMMIT still gets real Spring transactions: the manager takes the
 * connection out of autocommit for the transaction, so a rollback undoes the work.
 */
class AutocommitEngineTransactionTest {

    @Test
    void springTransactionsOnAnAutocommitEngineRollBack() {
        try (Engine engine = Engine.builder("h2:mem:autocommit_" + UUID.randomUUID())
                .isolationLevel(IsolationLevel.AUTOCOMMIT).build()) {
            engine.execute(Sql.text("CREATE TABLE ac (id INT)"));
            TransactionTemplate tx = new TransactionTemplate(new EngineTransactionManager(engine));
            assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                try (Connection c = engine.connect()) {
                    c.execute(Sql.text("INSERT INTO ac VALUES (:id)"), Map.of("id", 1));
                }
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(engine.scalar(Sql.text("SELECT COUNT(*) FROM ac"))).isEqualTo(0L);
            tx.executeWithoutResult(status -> {
                try (Connection c = engine.connect()) {
                    c.execute(Sql.text("INSERT INTO ac VALUES (:id)"), Map.of("id", 2));
                }
            });
            assertThat(engine.scalar(Sql.text("SELECT COUNT(*) FROM ac"))).isEqualTo(1L);
            try (Connection c = engine.connect()) {
                assertThat(c.isAutocommitIsolation()).isTrue();
            }
            assertThat(engine.pool().checkedOut()).isZero();
        }
    }
}
