package dev.retort.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Sql;
import dev.retort.engine.testing.TestDatabase;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A branch asks its {@link ExternalTransaction} for the remaining deadline before every statement. */
class ExternalTransactionTimeoutTest {

    @Test
    void ownerIsAskedForTheDeadlineOnEveryStatementAndMayRefuse() {
        AtomicInteger asked = new AtomicInteger();
        ExternalTransaction owner = new ExternalTransaction() {
            @Override
            public String owner() {
                return "Test";
            }

            @Override
            public boolean isRollbackOnly() {
                return false;
            }

            @Override
            public void setRollbackOnly() {
            }

            @Override
            public int statementTimeoutSeconds() {
                if (asked.incrementAndGet() > 2) {
                    throw new IllegalStateException("deadline passed");
                }
                return 5;
            }
        };
        try (Engine engine = TestDatabase.H2.engine(); Connection outer = engine.connectDirect()) {
            Connection branch = outer.branch(owner);
            assertThat(branch.scalar(Sql.text("SELECT 1"))).isEqualTo(1);
            assertThat(branch.scalar(Sql.text("SELECT 2"))).isEqualTo(2);
            assertThatThrownBy(() -> branch.scalar(Sql.text("SELECT 3"))).hasMessage("deadline passed");
            assertThat(asked).hasValue(3);
            branch.close();
            assertThat(engine.pool().checkedOut()).isEqualTo(1);
        }
    }
}
