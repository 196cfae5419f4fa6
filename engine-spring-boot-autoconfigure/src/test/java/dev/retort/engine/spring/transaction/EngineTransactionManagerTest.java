package dev.retort.engine.spring.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.IsolationLevel;
import dev.retort.engine.Sql;
import dev.retort.engine.TextClause;
import dev.retort.engine.Transaction;
import dev.retort.engine.exc.EngineException;
import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.exc.PendingRollbackException;
import dev.retort.engine.testing.Recorder;
import dev.retort.engine.spring.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link EngineTransactionManager} without Spring Boot: every propagation behaviour, isolation, read-only, timeout,
 * rollback-only, synchronization callbacks, joining from {@code engine.connect()} and from Spring's own JDBC
 * transaction managers, on H2 and PostgreSQL. After every test no connection is checked out and nothing is left
 * bound to the thread.
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("databases")
class EngineTransactionManagerTest {

    private static final TextClause INSERT = Sql.text("INSERT INTO accounts (id, name) VALUES (:id, :name)");
    private static final TextClause IDS = Sql.text("SELECT id FROM accounts ORDER BY id");

    @Parameter
    TestDatabase database;

    private TestDatabase.Db db;
    private Engine engine;
    private final Recorder recorder = new Recorder();
    private EngineTransactionManager manager;
    private JdbcTemplate jdbc;

    static List<TestDatabase> databases() {
        return List.of(TestDatabase.H2, TestDatabase.POSTGRESQL);
    }

    @BeforeEach
    void setUp() {
        db = database.create();
        engine = engine(b -> b.poolSize(2).maxOverflow(2));
        try (Connection c = engine.connectDirect()) {
            c.execDriverSql("CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(50))");
            c.commit();
        }
        manager = new EngineTransactionManager(engine);
        jdbc = new JdbcTemplate(engine.dataSource());
        recorder.clear();
    }

    private Engine engine(Consumer<Engine.Builder> settings) {
        Engine.Builder builder = Engine.builder(db.jdbcUrl()).username(db.username())
                .password(db.password()).listener(recorder);
        settings.accept(builder);
        return builder.build();
    }

    @AfterEach
    void tearDown() {
        try {
            assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
            assertThat(TransactionSynchronizationManager.isSynchronizationActive()).isFalse();
            assertThat(engine.pool().checkedOut()).as("connections checked out after the test").isZero();
        } finally {
            engine.close();
            db.close();
        }
    }

    private TransactionTemplate template(int propagation) {
        TransactionTemplate template = new TransactionTemplate(manager);
        template.setPropagationBehavior(propagation);
        return template;
    }

    private TransactionTemplate required() {
        return template(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    private static void insert(Connection c, int id) {
        c.execute(INSERT, Map.of("id", id, "name", "n" + id));
    }

    private void insert(int id) {
        try (Connection c = engine.connect()) {
            insert(c, id);
        }
    }

    /** The committed ids, read with plain JDBC so that no engine event is recorded. */
    private List<Integer> ids() {
        return new JdbcTemplate(engine.dataSource()).queryForList("SELECT id FROM accounts ORDER BY id", Integer.class);
    }

    private long count(String event) {
        return recorder.events.stream().filter(event::equals).count();
    }

    // ------------------------------------------------------------------ REQUIRED, commit, rollback

    @Test
    void requiredCommitsEngineWorkAndFiresEngineEventsOnce() {
        required().executeWithoutResult(status -> {
            try (Connection c = engine.connect()) {
                assertThat(c.isBranch()).isTrue();
                assertThat(c.inTransaction()).isTrue();
                insert(c, 1);
            }
            insert(2);
        });
        assertThat(ids()).containsExactly(1, 2);
        assertThat(recorder.events).containsSubsequence("begin", "beforeExecute", "afterExecute", "commit");
        assertThat(count("begin")).isOne();
        assertThat(count("commit")).isOne();
        assertThat(count("rollback")).isZero();
    }

    @Test
    void exceptionRollsBackAndReturnsTheConnection() {
        assertThatThrownBy(() -> required().executeWithoutResult(status -> {
            insert(1);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(ids()).isEmpty();
        assertThat(count("rollback")).isOne();
        assertThat(count("commit")).isZero();
    }

    @Test
    void programmaticPlatformTransactionManagerBehavesLikeTheTemplate() {
        PlatformTransactionManager ptm = manager;
        TransactionStatus status = ptm.getTransaction(new DefaultTransactionDefinition());
        insert(1);
        ptm.commit(status);
        status = ptm.getTransaction(new DefaultTransactionDefinition());
        insert(2);
        ptm.rollback(status);
        assertThat(ids()).containsExactly(1);
        assertThat(recorder.events).containsSubsequence("begin", "commit", "begin", "rollback");
    }

    // ------------------------------------------------------------------ branch connections

    @Test
    void branchRefusesCommitAndRollbackBecauseSpringOwnsTheTransaction() {
        required().executeWithoutResult(status -> {
            Connection c = engine.connect();
            insert(c, 1);
            assertThatThrownBy(c::commit).isInstanceOf(InvalidRequestException.class).hasMessageContaining("Spring");
            assertThatThrownBy(c::rollback).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Spring");
            c.close();
            try (Connection again = engine.connect()) {
                assertThat(again.scalars(IDS).all()).hasSize(1);
            }
        });
        assertThat(ids()).containsExactly(1);
    }

    @Test
    void subTransactionCommitDoesNothingAndTheOuterRollbackWins() {
        required().executeWithoutResult(status -> {
            try (Connection c = engine.connect()) {
                Transaction sub = c.begin();
                insert(c, 1);
                sub.commit();
            }
            status.setRollbackOnly();
        });
        assertThat(ids()).isEmpty();
        assertThat(count("commit")).isZero();
    }

    @Test
    void subTransactionRollbackMarksTheSpringTransactionRollbackOnly() {
        assertThatThrownBy(() -> required().executeWithoutResult(status -> {
            try (Connection c = engine.connect()) {
                Transaction sub = c.begin();
                insert(c, 1);
                sub.rollback();
                assertThatThrownBy(() -> insert(c, 2)).isInstanceOf(PendingRollbackException.class);
            }
            assertThatThrownBy(() -> insert(3)).isInstanceOf(PendingRollbackException.class);
        })).isInstanceOf(UnexpectedRollbackException.class);
        assertThat(ids()).isEmpty();
        assertThat(count("rollback")).isOne();
    }

    @Test
    void engineInTransactionJoinsInsteadOfCommitting() {
        required().executeWithoutResult(status -> {
            int n = engine.inTransaction(c -> {
                insert(c, 1);
                return 1;
            });
            assertThat(n).isOne();
            engine.useTransaction(c -> insert(c, 2));
            assertThat(engine.execute(IDS).scalars().all()).hasSize(2);
            status.setRollbackOnly();
        });
        assertThat(ids()).isEmpty();
        assertThat(count("commit")).isZero();
    }

    @Test
    void failingEngineInTransactionMakesTheOuterCommitFail() {
        assertThatThrownBy(() -> required().executeWithoutResult(status -> {
            insert(1);
            assertThatThrownBy(() -> engine.useTransaction(c -> {
                insert(c, 2);
                throw new IllegalArgumentException("inner");
            })).hasMessage("inner");
        })).isInstanceOf(UnexpectedRollbackException.class);
        assertThat(ids()).isEmpty();
    }

    @Test
    void aTransactionTheDatabaseAbortedIsAnUnexpectedRollbackNotACommit() {
        Runnable work = () -> required().executeWithoutResult(status -> {
            insert(1);
            assertThatThrownBy(() -> insert(1)).isInstanceOf(EngineException.class);
        });
        if (database.isPostgresql()) {
            assertThatThrownBy(work::run).isInstanceOf(UnexpectedRollbackException.class)
                    .hasMessageContaining("rolled the transaction back").hasMessageContaining("nothing was committed")
                    .hasRootCauseInstanceOf(java.sql.SQLException.class);
            assertThat(ids()).isEmpty();
        } else {
            work.run();
            assertThat(ids()).containsExactly(1);
        }
    }

    @Test
    void aConnectionThePoolClosedRollsBackCleanlyAndTheCallerSeesTheOriginalError() {
        org.junit.jupiter.api.Assumptions.assumeTrue(database.isPostgresql(), "HikariCP evicts on SQLState 0A000");
        assertThatThrownBy(() -> required().executeWithoutResult(status -> {
            insert(1);
            try (Connection c = engine.connect()) {
                c.execDriverSql("SELECT count(*) FROM accounts FOR UPDATE");
            }
        })).isInstanceOf(dev.retort.engine.exc.NotSupportedException.class)
                .hasMessageContaining("connection was invalidated");
        assertThat(ids()).isEmpty();
        required().executeWithoutResult(status -> insert(2));
        assertThat(ids()).containsExactly(2);
    }

    // ------------------------------------------------------------------ JdbcTemplate and Spring's JDBC managers

    @Test
    void jdbcTemplateAndEngineShareOneConnectionAndSeeEachOthersUncommittedWrites() {
        required().executeWithoutResult(status -> {
            try (Connection c = engine.connect()) {
                insert(c, 1);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM accounts", Integer.class)).isOne();
                jdbc.update("INSERT INTO accounts (id, name) VALUES (2, 'jdbc')");
                assertThat(c.scalars(IDS).all()).hasSize(2);
                java.sql.Connection springs = DataSourceUtils.getConnection(engine.dataSource());
                assertThat(springs).isSameAs(c.jdbcConnection());
                DataSourceUtils.releaseConnection(springs, engine.dataSource());
            }
            assertThat(engine.pool().checkedOut()).isOne();
            status.setRollbackOnly();
        });
        assertThat(ids()).isEmpty();
    }

    @Test
    void engineJoinsDataSourceTransactionManagerTransactions() {
        TransactionTemplate dstm = new TransactionTemplate(new DataSourceTransactionManager(engine.dataSource()));
        dstm.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO accounts (id, name) VALUES (1, 'jdbc')");
            try (Connection c = engine.connect()) {
                assertThat(c.isBranch()).isTrue();
                assertThat(c.scalars(IDS).all()).hasSize(1);
                insert(c, 2);
                assertThatThrownBy(c::commit).isInstanceOf(InvalidRequestException.class);
            }
        });
        assertThat(ids()).containsExactly(1, 2);
        assertThatThrownBy(() -> dstm.executeWithoutResult(status -> {
            insert(3);
            try (Connection c = engine.connect()) {
                c.begin().rollback();
            }
        })).isInstanceOf(UnexpectedRollbackException.class);
        assertThat(ids()).containsExactly(1, 2);
    }

    @Test
    void engineJoinsJdbcTransactionManagerTransactions() {
        TransactionTemplate jtm = new TransactionTemplate(new JdbcTransactionManager(engine.dataSource()));
        jtm.executeWithoutResult(status -> {
            insert(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM accounts", Integer.class)).isOne();
            status.setRollbackOnly();
        });
        assertThat(ids()).isEmpty();
    }

    @Test
    void engineManagerParticipatesInADataSourceTransactionManagerTransaction() {
        TransactionTemplate dstm = new TransactionTemplate(new DataSourceTransactionManager(engine.dataSource()));
        assertThatThrownBy(() -> dstm.executeWithoutResult(outer -> {
            insert(1);
            required().executeWithoutResult(inner -> {
                insert(2);
                inner.setRollbackOnly();
            });
        })).isInstanceOf(UnexpectedRollbackException.class);
        assertThat(ids()).isEmpty();
    }

    // ------------------------------------------------------------------ other propagation behaviours

    @Test
    void requiresNewCommitsWhileTheOuterRollsBack() {
        required().executeWithoutResult(outer -> {
            insert(1);
            java.sql.Connection outerJdbc = DataSourceUtils.getConnection(engine.dataSource());
            template(TransactionDefinition.PROPAGATION_REQUIRES_NEW).executeWithoutResult(inner -> {
                try (Connection c = engine.connect()) {
                    assertThat(c.jdbcConnection()).isNotSameAs(outerJdbc);
                    assertThat(c.scalars(IDS).all()).isEmpty();
                    insert(c, 2);
                }
                assertThat(engine.pool().checkedOut()).isEqualTo(2);
            });
            assertThat(DataSourceUtils.getConnection(engine.dataSource())).isSameAs(outerJdbc);
            assertThat(engine.pool().checkedOut()).isOne();
            outer.setRollbackOnly();
        });
        assertThat(ids()).containsExactly(2);
        assertThat(recorder.events).containsSubsequence("begin", "begin", "commit", "rollback");
    }

    @Test
    void nestedRollsBackToItsSavepointWhileTheOuterCommits() {
        List<String> callbacks = new ArrayList<>();
        required().executeWithoutResult(outer -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void savepoint(Object savepoint) {
                    callbacks.add("savepoint");
                }

                @Override
                public void savepointRollback(Object savepoint) {
                    callbacks.add("savepointRollback");
                }
            });
            insert(1);
            assertThatThrownBy(() -> template(TransactionDefinition.PROPAGATION_NESTED).executeWithoutResult(inner -> {
                insert(2);
                throw new IllegalStateException("inner fails");
            })).hasMessage("inner fails");
            assertThat(engine.execute(IDS).scalars().all()).hasSize(1);
            insert(3);
        });
        assertThat(ids()).containsExactly(1, 3);
        assertThat(recorder.events).containsSubsequence("begin", "savepoint:sa_savepoint_1",
                "rollbackSavepoint:sa_savepoint_1", "commit");
        assertThat(callbacks).containsExactly("savepoint", "savepointRollback");
    }

    @Test
    void nestedCommitReleasesItsSavepoint() {
        required().executeWithoutResult(outer -> {
            insert(1);
            template(TransactionDefinition.PROPAGATION_NESTED).executeWithoutResult(inner -> insert(2));
        });
        assertThat(ids()).containsExactly(1, 2);
        assertThat(recorder.events).containsSubsequence("begin", "savepoint:sa_savepoint_1",
                "releaseSavepoint:sa_savepoint_1", "commit");
    }

    @Test
    void rollbackOnlyFromASubTransactionInsideNestedStaysInsideTheSavepoint() {
        required().executeWithoutResult(outer -> {
            insert(1);
            assertThatThrownBy(() -> template(TransactionDefinition.PROPAGATION_NESTED).executeWithoutResult(inner -> {
                try (Connection c = engine.connect()) {
                    insert(c, 2);
                    c.begin().rollback();
                }
            })).isInstanceOf(UnexpectedRollbackException.class);
            assertThat(outer.isRollbackOnly()).isFalse();
            insert(3);
        });
        assertThat(ids()).containsExactly(1, 3);
    }

    @Test
    void supportsWithoutATransactionDoesNotJoin() {
        template(TransactionDefinition.PROPAGATION_SUPPORTS).executeWithoutResult(status -> {
            assertThat(TransactionSynchronizationManager.isSynchronizationActive()).isTrue();
            try (Connection c = engine.connect()) {
                assertThat(c.isBranch()).isFalse();
                insert(c, 1);
                c.commit();
            }
        });
        template(TransactionDefinition.PROPAGATION_SUPPORTS).executeWithoutResult(status ->
                required().executeWithoutResult(inner -> insert(2)));
        assertThat(ids()).containsExactly(1, 2);
    }

    @Test
    void supportsInsideATransactionJoins() {
        required().executeWithoutResult(outer -> {
            template(TransactionDefinition.PROPAGATION_SUPPORTS).executeWithoutResult(inner -> insert(1));
            outer.setRollbackOnly();
        });
        assertThat(ids()).isEmpty();
    }

    @Test
    void mandatoryRequiresATransaction() {
        assertThatThrownBy(() -> template(TransactionDefinition.PROPAGATION_MANDATORY)
                .executeWithoutResult(status -> insert(1))).isInstanceOf(IllegalTransactionStateException.class);
        required().executeWithoutResult(outer -> template(TransactionDefinition.PROPAGATION_MANDATORY)
                .executeWithoutResult(inner -> insert(1)));
        assertThat(ids()).containsExactly(1);
    }

    @Test
    void neverRefusesAnExistingTransaction() {
        assertThatThrownBy(() -> required().executeWithoutResult(outer -> template(
                TransactionDefinition.PROPAGATION_NEVER).executeWithoutResult(inner -> insert(1))))
                .isInstanceOf(IllegalTransactionStateException.class);
        template(TransactionDefinition.PROPAGATION_NEVER).executeWithoutResult(status -> {
            try (Connection c = engine.connect()) {
                assertThat(c.isBranch()).isFalse();
            }
        });
        assertThat(ids()).isEmpty();
    }

    @Test
    void notSupportedSuspendsTheTransaction() {
        required().executeWithoutResult(outer -> {
            insert(1);
            template(TransactionDefinition.PROPAGATION_NOT_SUPPORTED).executeWithoutResult(inner -> {
                try (Connection c = engine.connect()) {
                    assertThat(c.isBranch()).isFalse();
                    insert(c, 2);
                    c.commit();
                }
                assertThat(engine.pool().checkedOut()).isOne();
            });
            outer.setRollbackOnly();
        });
        assertThat(ids()).containsExactly(2);
    }

    @Test
    void failedBeginOfANewTransactionResumesTheSuspendedOne() {
        engine.close();
        engine = engine(b -> b.poolSize(1).maxOverflow(0).poolTimeout(java.time.Duration.ofMillis(300)));
        manager = new EngineTransactionManager(engine);
        required().executeWithoutResult(outer -> {
            insert(1);
            assertThatThrownBy(() -> template(TransactionDefinition.PROPAGATION_REQUIRES_NEW)
                    .executeWithoutResult(inner -> insert(2))).isInstanceOf(CannotCreateTransactionException.class);
            insert(3);
        });
        assertThat(ids()).containsExactly(1, 3);
    }

    // ------------------------------------------------------------------ isolation, read-only, timeout

    @Test
    void isolationLevelAppliesForTheTransactionAndIsRestoredAfterwards() {
        engine.close();
        engine = engine(b -> b.poolSize(1).maxOverflow(0));
        manager = new EngineTransactionManager(engine);
        IsolationLevel before;
        try (Connection c = engine.connectDirect()) {
            before = c.getIsolationLevel();
        }
        TransactionTemplate serializable = required();
        serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
        serializable.executeWithoutResult(status -> {
            try (Connection c = engine.connect()) {
                assertThat(c.getIsolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
                insert(c, 1);
            }
            assertThat(TransactionSynchronizationManager.getCurrentTransactionIsolationLevel())
                    .isEqualTo(TransactionDefinition.ISOLATION_SERIALIZABLE);
        });
        TransactionTemplate repeatable = required();
        repeatable.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        repeatable.executeWithoutResult(status -> {
            try (Connection c = engine.connect()) {
                assertThat(c.getIsolationLevel()).isEqualTo(IsolationLevel.REPEATABLE_READ);
            }
        });
        try (Connection c = engine.connectDirect()) {
            assertThat(c.getIsolationLevel()).isEqualTo(before);
        }
        assertThat(ids()).containsExactly(1);
    }

    @Test
    void readOnlyTransactionsRunOnAReadOnlyConnection() throws Exception {
        engine.close();
        engine = engine(b -> b.poolSize(1).maxOverflow(0));
        manager = new EngineTransactionManager(engine);
        TransactionTemplate readOnly = required();
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> {
            assertThat(TransactionSynchronizationManager.isCurrentTransactionReadOnly()).isTrue();
            try (Connection c = engine.connect()) {
                assertThat(c.getExecutionOptions().readOnly()).isTrue();
                if (database.isPostgresql()) {
                    assertThatThrownBy(() -> insert(c, 1)).isInstanceOf(EngineException.class)
                            .hasMessageContaining("read-only");
                }
            }
            status.setRollbackOnly();
        });
        try (Connection c = engine.connectDirect()) {
            assertThat(c.jdbcConnection().isReadOnly()).isFalse();
            insert(c, 2);
            c.commit();
        }
        assertThat(ids()).containsExactly(2);
    }

    @Test
    void statementsAfterTheDeadlineRaiseTransactionTimedOut() {
        TransactionTemplate timed = required();
        timed.setTimeout(1);
        assertThatThrownBy(() -> timed.executeWithoutResult(status -> {
            insert(1);
            sleep(1100);
            insert(2);
        })).isInstanceOf(TransactionTimedOutException.class);
        assertThat(ids()).isEmpty();
        assertThat(count("rollback")).isOne();
    }

    @Test
    void aStatementRunningPastTheDeadlineIsCancelled() {
        database.requireAvailable();
        org.junit.jupiter.api.Assumptions.assumeTrue(database.isPostgresql(), "needs pg_sleep (PostgreSQL)");
        TransactionTemplate timed = required();
        timed.setTimeout(1);
        long start = System.nanoTime();
        assertThatThrownBy(() -> timed.executeWithoutResult(status -> {
            try (Connection c = engine.connect()) {
                c.execute(Sql.text("SELECT pg_sleep(5)"));
            }
        })).isInstanceOf(EngineException.class).hasMessageContaining("cancel");
        assertThat(System.nanoTime() - start).isLessThan(4_000_000_000L);
    }

    // ------------------------------------------------------------------ synchronization

    @Test
    void synchronizationCallbacksSurroundTheEngineCommit() {
        List<String> order = recorder.events;
        required().executeWithoutResult(status -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    order.add("beforeCommit");
                }

                @Override
                public void beforeCompletion() {
                    order.add("beforeCompletion");
                }

                @Override
                public void afterCommit() {
                    order.add("afterCommit");
                }

                @Override
                public void afterCompletion(int status) {
                    order.add("afterCompletion:" + status);
                    assertThat(engine.pool().checkedOut()).isOne();
                }
            });
            insert(1);
        });
        assertThat(order).containsSubsequence("begin", "beforeCommit", "beforeCompletion", "commit", "afterCommit",
                "afterCompletion:" + TransactionSynchronization.STATUS_COMMITTED);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
