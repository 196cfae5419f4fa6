package dev.retort.sample.ledger;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.NestedTransaction;
import dev.retort.engine.Result;
import dev.retort.engine.Row;
import dev.retort.engine.Sql;
import dev.retort.engine.TextClause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's operations. Every method is a Spring transaction; inside it, {@code engine.connect()} returns a branch
 * of that transaction's connection, so Retort, {@link JdbcClient} and the transaction manager share one JDBC
 * connection and one commit.
 */
@Service
public class LedgerService {

    private static final TextClause INSERT_ACCOUNT = Sql.text(
            "INSERT INTO ledger_accounts (owner, balance) VALUES (:owner, :balance)");
    private static final TextClause FIND_ACCOUNT = Sql.text(
            "SELECT id, owner, balance FROM ledger_accounts WHERE id = :id");
    private static final TextClause CREDIT = Sql.text(
            "UPDATE ledger_accounts SET balance = balance + :amount WHERE id = :id");
    private static final TextClause DEBIT = Sql.text(
            "UPDATE ledger_accounts SET balance = balance - :amount WHERE id = :id AND balance >= :amount");
    private static final TextClause TRANSFERS_OF = Sql.text("SELECT id, from_account, to_account, amount, created_at "
            + "FROM ledger_transfers WHERE from_account = :id OR to_account = :id ORDER BY id");
    private static final TextClause ALL_TRANSFERS = Sql.text(
            "SELECT id, from_account, to_account, amount, created_at FROM ledger_transfers ORDER BY id");

    private final Engine engine;
    private final JdbcClient jdbc;

    /** Creates the service. */
    public LedgerService(Engine engine, JdbcClient jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    /** Opens an account with an initial balance. */
    @Transactional
    public Account open(String owner, BigDecimal initialDeposit) {
        try (Connection conn = engine.connect()) {
            Result insert = conn.execute(INSERT_ACCOUNT, Map.of("owner", owner, "balance", initialDeposit));
            long id = insert.insertedPrimaryKey().orElseThrow().get(0, Long.class);
            return new Account(id, owner, initialDeposit);
        }
    }

    /** Reads an account. */
    @Transactional(readOnly = true)
    public Account account(long id) {
        try (Connection conn = engine.connect()) {
            return conn.execute(FIND_ACCOUNT, Map.of("id", id)).oneOrNone().map(r -> r.as(Account.class))
                    .orElseThrow(() -> new AccountNotFoundException(id));
        }
    }

    /** Adds money to an account. */
    @Transactional
    public Account deposit(long id, BigDecimal amount) {
        try (Connection conn = engine.connect()) {
            if (conn.execute(CREDIT, Map.of("id", id, "amount", amount)).rowCount() == 0) {
                throw new AccountNotFoundException(id);
            }
            return conn.execute(FIND_ACCOUNT, Map.of("id", id)).one().as(Account.class);
        }
    }

    /**
     * Moves money under REPEATABLE READ. Rows are updated in id order so two opposite transfers cannot deadlock;
     * a concurrent update that breaks the snapshot surfaces as a serialization failure, which
     * {@link TransferService} retries. The transfer record is written with {@link JdbcClient} in the same
     * transaction.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public Transfer transfer(long from, long to, BigDecimal amount) {
        try (Connection conn = engine.connect()) {
            return move(conn, from, to, amount);
        }
    }

    private Transfer move(Connection conn, long from, long to, BigDecimal amount) {
        if (from == to) {
            throw new IllegalArgumentException("Cannot transfer from an account to itself");
        }
        if (from < to) {
            debit(conn, from, amount);
            credit(conn, to, amount);
        } else {
            credit(conn, to, amount);
            debit(conn, from, amount);
        }
        LocalDateTime now = LocalDateTime.now().withNano(0);
        jdbc.sql("INSERT INTO ledger_transfers (from_account, to_account, amount, created_at) VALUES (?, ?, ?, ?)")
                .params(from, to, amount, now).update();
        long id = jdbc.sql("SELECT MAX(id) FROM ledger_transfers WHERE from_account = ? AND to_account = ?")
                .params(from, to).query(Long.class).single();
        return new Transfer(id, from, to, amount, now);
    }

    private static void credit(Connection conn, long id, BigDecimal amount) {
        if (conn.execute(CREDIT, Map.of("id", id, "amount", amount)).rowCount() == 0) {
            throw new AccountNotFoundException(id);
        }
    }

    private static void debit(Connection conn, long id, BigDecimal amount) {
        if (conn.execute(DEBIT, Map.of("id", id, "amount", amount)).rowCount() == 0) {
            if (conn.execute(FIND_ACCOUNT, Map.of("id", id)).first().isEmpty()) {
                throw new AccountNotFoundException(id);
            }
            throw new InsufficientFundsException(id, amount);
        }
    }

    /** The outcome of one transfer of a batch. */
    public record BatchOutcome(int index, boolean committed, String message) {
    }

    /**
     * Runs every transfer in its own savepoint ({@code beginNested()}) inside one transaction: a failing transfer
     * rolls back to its savepoint, the others commit together.
     */
    @Transactional
    public List<BatchOutcome> batch(List<TransferRequest> requests) {
        List<BatchOutcome> outcomes = new ArrayList<>();
        try (Connection conn = engine.connect()) {
            for (int i = 0; i < requests.size(); i++) {
                TransferRequest r = requests.get(i);
                NestedTransaction savepoint = conn.beginNested();
                try {
                    Transfer t = move(conn, r.from(), r.to(), r.amount());
                    savepoint.commit();
                    outcomes.add(new BatchOutcome(i, true, "transfer " + t.id()));
                } catch (AccountNotFoundException | InsufficientFundsException | IllegalArgumentException e) {
                    savepoint.rollback();
                    outcomes.add(new BatchOutcome(i, false, e.getMessage()));
                }
            }
        }
        return outcomes;
    }

    /** A transfer to make. */
    public record TransferRequest(long from, long to, BigDecimal amount) {
    }

    /** An account statement: the account and every transfer touching it. */
    public record Statement(Account account, List<Transfer> transfers) {
    }

    /** A read-only statement report. */
    @Transactional(readOnly = true)
    public Statement statement(long id) {
        try (Connection conn = engine.connect()) {
            Account account = conn.execute(FIND_ACCOUNT, Map.of("id", id)).oneOrNone()
                    .map(r -> r.as(Account.class)).orElseThrow(() -> new AccountNotFoundException(id));
            return new Statement(account, conn.execute(TRANSFERS_OF, Map.of("id", id)).as(Transfer.class));
        }
    }

    /** The total of all balances (conserved by transfers). */
    @Transactional(readOnly = true)
    public BigDecimal totalBalance() {
        try (Connection conn = engine.connect()) {
            return conn.scalar(Sql.text("SELECT COALESCE(SUM(balance), 0) FROM ledger_accounts"), Map.of(),
                    BigDecimal.class);
        }
    }

    /**
     * Streams every transfer as CSV with {@code stream_results}: rows are fetched 500 at a time and written as they
     * arrive, so memory stays flat however long the ledger is.
     *
     * @return the number of transfers written
     */
    @Transactional(readOnly = true)
    public long exportCsv(Writer out) {
        long rows = 0;
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(ALL_TRANSFERS, Map.of(), ExecutionOptions.empty().withYieldPer(500));
            out.write("id,from_account,to_account,amount,created_at\n");
            for (Row row : result) {
                out.write(row.get(0) + "," + row.get(1) + "," + row.get(2) + ","
                        + row.get(3, BigDecimal.class).toPlainString() + "," + row.get(4, LocalDateTime.class) + "\n");
                rows++;
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
