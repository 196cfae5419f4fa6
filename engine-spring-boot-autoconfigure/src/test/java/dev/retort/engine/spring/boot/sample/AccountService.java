package dev.retort.engine.spring.boot.sample;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.IsolationLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** {@code @Transactional} methods exercising every propagation behaviour, isolation, read-only and timeout. */
@Service
public class AccountService {

    private final AccountRepository accounts;
    private final AuditService audit;
    private final Engine engine;
    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbcClient;

    AccountService(AccountRepository accounts, AuditService audit, Engine engine, JdbcTemplate jdbcTemplate,
            JdbcClient jdbcClient) {
        this.accounts = accounts;
        this.audit = audit;
        this.engine = engine;
        this.jdbcTemplate = jdbcTemplate;
        this.jdbcClient = jdbcClient;
    }

    @Transactional
    public void create(int... ids) {
        for (int id : ids) {
            accounts.insert(id);
        }
    }

    @Transactional
    public void createThenFail(int id) {
        accounts.insert(id);
        throw new IllegalStateException("fail after insert");
    }

    /** Inserts {@code id}, then inserts it again and swallows the duplicate-key failure. */
    @Transactional
    public void createSwallowingADuplicate(int id) {
        accounts.insert(id);
        try {
            accounts.insert(id);
        } catch (RuntimeException expected) {
            // PostgreSQL has aborted the transaction now; H2 has not
        }
    }

    @Transactional
    public void outerFailsAfterRequiresNew(int outerId, int innerId) {
        accounts.insert(outerId);
        audit.requiresNew(innerId);
        throw new IllegalStateException("outer fails");
    }

    @Transactional
    public void outerCommitsAfterNestedFails(int outerId, int nestedId) {
        accounts.insert(outerId);
        try {
            audit.nestedThenFail(nestedId);
        } catch (IllegalStateException expected) {
            // the savepoint was rolled back; the outer transaction goes on
        }
    }

    @Transactional
    public void outerWithNestedCommit(int outerId, int nestedId) {
        accounts.insert(outerId);
        audit.nested(nestedId);
    }

    /** JdbcTemplate, JdbcClient and the engine write and read in one transaction; returns the counts each saw. */
    @Transactional
    public long[] mixedThenFail() {
        accounts.insert(1);
        long seenByTemplate = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM accounts", Long.class);
        jdbcTemplate.update("INSERT INTO accounts (id, name) VALUES (2, 'template')");
        jdbcClient.sql("INSERT INTO accounts (id, name) VALUES (3, 'client')").update();
        long seenByEngine = accounts.count();
        throw new MixedResult(new long[] {seenByTemplate, seenByEngine});
    }

    @Transactional
    public void subTransactionRollsBack(int id) {
        accounts.insert(id);
        accounts.insertAndRollBackSubTransaction(id + 1);
    }

    @Transactional(isolation = Isolation.SERIALIZABLE)
    public IsolationLevel serializable() {
        return isolationSeenByEngine();
    }

    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public IsolationLevel repeatableRead() {
        return isolationSeenByEngine();
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public IsolationLevel readCommitted() {
        return isolationSeenByEngine();
    }

    @Transactional
    public IsolationLevel defaultIsolation() {
        return isolationSeenByEngine();
    }

    private IsolationLevel isolationSeenByEngine() {
        try (Connection c = engine.connect()) {
            return c.getIsolationLevel();
        }
    }

    @Transactional(readOnly = true)
    public boolean readOnly() {
        try (Connection c = engine.connect()) {
            return Boolean.TRUE.equals(c.getExecutionOptions().readOnly());
        }
    }

    @Transactional(readOnly = true)
    public void writeInReadOnly(int id) {
        accounts.insert(id);
    }

    @Transactional(timeout = 1)
    public void slow(int id) throws InterruptedException {
        accounts.insert(id);
        Thread.sleep(1100);
        accounts.insert(id + 1);
    }

    @Transactional
    public boolean outerSupports(int id) {
        return audit.supports(id);
    }

    @Transactional
    public void outerNever(int id) {
        audit.never(id);
    }

    @Transactional
    public void outerMandatory(int id) {
        audit.mandatory(id);
    }

    @Transactional
    public void outerNotSupportedThenFail(int outerId, int innerId) {
        accounts.insert(outerId);
        audit.notSupported(innerId);
        throw new IllegalStateException("outer fails");
    }

    /** Carries the counts out of a method that must roll back. */
    public static final class MixedResult extends RuntimeException {
        final long[] counts;

        MixedResult(long[] counts) {
            super("rollback");
            this.counts = counts;
        }
    }
}
