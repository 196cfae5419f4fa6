package dev.retort.engine.spring.boot.slice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Sql;
import dev.retort.engine.spring.transaction.EngineTransactionManager;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.test.context.transaction.BeforeTransaction;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * A test slice has the engine and its transaction manager, and rolls the engine's writes back; subclasses pick the
 * slice. (The slices' {@code @Transactional} is repeated here: the test methods are declared in this class.)
 */
@Transactional
abstract class EngineSliceTest {

    @Autowired
    Engine engine;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @BeforeTransaction
    void createTable() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS slice_items (id INT PRIMARY KEY)");
    }

    @Test
    void engineWritesTakePartInTheTestTransaction() {
        assertThat(transactionManager).isInstanceOf(EngineTransactionManager.class);
        assertThat(engine.dataSource()).isSameAs(dataSource);
        try (Connection c = engine.connect()) {
            assertThat(c.isBranch()).isTrue();
            c.execute(Sql.text("INSERT INTO slice_items VALUES (1)"));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM slice_items", Integer.class)).isEqualTo(1);
    }

    @AfterTransaction
    void engineWritesWereRolledBack() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM slice_items", Integer.class)).isZero();
    }
}
