package dev.retort.engine.spring.boot.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.Engine;
import dev.retort.engine.IsolationLevel;
import dev.retort.engine.testing.Recorder;
import dev.retort.engine.spring.testing.TestDatabase;
import dev.retort.engine.spring.transaction.EngineTransactionManager;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.UnexpectedRollbackException;

/**
 * A Boot application's {@code @Transactional} service over the auto-configured engine: each propagation behaviour
 * and isolation level, asserting the rows in the database, the engine events, and that no connection stays checked
 * out. Subclasses pick the database.
 */
@SpringBootTest(classes = SampleApplication.class)
abstract class TransactionalServiceTest {

    @Autowired
    AccountService service;

    @Autowired
    AuditService audit;

    @Autowired
    AccountRepository repository;

    @Autowired
    Engine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Recorder recorder;

    @Autowired
    PlatformTransactionManager transactionManager;

    abstract TestDatabase database();

    @BeforeEach
    void createTable() {
        jdbc.execute("DROP TABLE IF EXISTS accounts");
        jdbc.execute("CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(50))");
        recorder.clear();
    }

    @AfterEach
    void noConnectionLeaks() {
        assertThat(engine.pool().checkedOut()).as("connections checked out after the test").isZero();
    }

    private List<Integer> ids() {
        return jdbc.queryForList("SELECT id FROM accounts ORDER BY id", Integer.class);
    }

    private long count(String event) {
        return recorder.events.stream().filter(event::equals).count();
    }

    @Test
    void aTransactionTheDatabaseAbortedFailsItsCommitInsteadOfLookingCommitted() {
        if (database().isPostgresql()) {
            assertThatThrownBy(() -> service.createSwallowingADuplicate(1))
                    .isInstanceOf(UnexpectedRollbackException.class).hasMessageContaining("nothing was committed");
            assertThat(ids()).isEmpty();
        } else {
            service.createSwallowingADuplicate(1);
            assertThat(ids()).containsExactly(1);
        }
    }

    @Test
    void theEngineTransactionManagerIsTheApplicationsTransactionManager() {
        assertThat(transactionManager).isInstanceOf(EngineTransactionManager.class);
        assertThat(engine.name()).isEqualTo(database().name());
    }

    @Test
    void requiredCommitsAndFiresOneBeginAndCommit() {
        service.create(1, 2);
        assertThat(count("begin")).isOne();
        assertThat(count("commit")).isOne();
        assertThat(ids()).containsExactly(1, 2);
    }

    @Test
    void requiredRollsBackOnException() {
        assertThatThrownBy(() -> service.createThenFail(1)).hasMessage("fail after insert");
        assertThat(count("rollback")).isOne();
        assertThat(ids()).isEmpty();
    }

    @Test
    void requiresNewCommitsWhileTheOuterRollsBack() {
        assertThatThrownBy(() -> service.outerFailsAfterRequiresNew(1, 2)).hasMessage("outer fails");
        assertThat(recorder.events).containsSubsequence("begin", "begin", "commit", "rollback");
        assertThat(ids()).containsExactly(2);
    }

    @Test
    void nestedRollsBackToItsSavepointWhileTheOuterCommits() {
        service.outerCommitsAfterNestedFails(1, 2);
        assertThat(recorder.events).containsSubsequence("begin", "savepoint:sa_savepoint_1",
                "rollbackSavepoint:sa_savepoint_1", "commit");
        assertThat(ids()).containsExactly(1);
    }

    @Test
    void nestedCommitReleasesItsSavepoint() {
        service.outerWithNestedCommit(1, 2);
        assertThat(recorder.events).containsSubsequence("savepoint:sa_savepoint_1",
                "releaseSavepoint:sa_savepoint_1", "commit");
        assertThat(ids()).containsExactly(1, 2);
    }

    @Test
    void jdbcTemplateJdbcClientAndTheEngineSeeEachOthersUncommittedWrites() {
        assertThatThrownBy(() -> service.mixedThenFail()).isInstanceOfSatisfying(AccountService.MixedResult.class,
                result -> assertThat(result.counts).containsExactly(1, 3));
        assertThat(ids()).isEmpty();
    }

    @Test
    void rollbackOfAnInnerSubTransactionDoomsTheSpringTransaction() {
        assertThatThrownBy(() -> service.subTransactionRollsBack(1)).isInstanceOf(UnexpectedRollbackException.class);
        assertThat(ids()).isEmpty();
    }

    @Test
    void isolationLevelsApplyPerMethodAndAreRestored() {
        IsolationLevel before = service.defaultIsolation();
        assertThat(service.serializable()).isEqualTo(IsolationLevel.SERIALIZABLE);
        assertThat(service.repeatableRead()).isEqualTo(IsolationLevel.REPEATABLE_READ);
        assertThat(service.readCommitted()).isEqualTo(IsolationLevel.READ_COMMITTED);
        for (int i = 0; i < 12; i++) {
            assertThat(service.defaultIsolation()).isEqualTo(before);
        }
    }

    @Test
    void readOnlyMethodsRunReadOnly() {
        assertThat(service.readOnly()).isTrue();
        if (database().isPostgresql()) {
            // the engine error went through the @Repository, so it arrives translated
            assertThatThrownBy(() -> service.writeInReadOnly(1)).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("read-only").hasRootCauseInstanceOf(java.sql.SQLException.class);
        }
        service.create(5);
        assertThat(ids()).contains(5);
    }

    @Test
    void timeoutExpiryRollsBack() {
        assertThatThrownBy(() -> service.slow(1)).isInstanceOf(TransactionTimedOutException.class);
        assertThat(ids()).isEmpty();
    }

    @Test
    void supportsMandatoryNeverAndNotSupported() {
        assertThat(audit.supports(1)).isFalse();
        assertThat(service.outerSupports(2)).isTrue();
        assertThatThrownBy(() -> audit.mandatory(3)).isInstanceOf(IllegalTransactionStateException.class);
        service.outerMandatory(4);
        assertThatThrownBy(() -> service.outerNever(5)).isInstanceOf(IllegalTransactionStateException.class);
        audit.never(6);
        assertThatThrownBy(() -> service.outerNotSupportedThenFail(7, 8)).hasMessage("outer fails");
        assertThat(ids()).containsExactly(1, 2, 4, 6, 8);
    }

    @Test
    void engineErrorsThroughRepositoriesBecomeDataAccessExceptions() {
        repository.insert(1);
        assertThatThrownBy(() -> repository.insert(1)).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> service.create(2, 2)).isInstanceOf(DuplicateKeyException.class);
        assertThat(ids()).containsExactly(1);
    }
}
