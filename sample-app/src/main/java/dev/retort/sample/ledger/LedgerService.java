package dev.retort.sample.ledger;

import static dev.retort.engine.Sql.or;
import static dev.retort.engine.Sql.select;
import static dev.retort.engine.Sql.update;
import static dev.retort.sample.ledger.LedgerTables.ACCOUNTS;
import static dev.retort.sample.ledger.LedgerTables.TRANSFERS;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.NestedTransaction;
import dev.retort.engine.Result;
import dev.retort.engine.Row;
import dev.retort.engine.Sql;
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
 * The ledger's operations, written with the SQL expression language over {@link LedgerTables} (plus one
 * {@code Sql.text()} example and one {@link JdbcClient} statement). Every method is a Spring transaction; inside it,
 * {@code engine.connect()} returns a branch of that transaction's connection, so Retort, {@link JdbcClient} and the
 * transaction manager share one JDBC connection and one commit.
 */
@Service
public class LedgerService {

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
            Result insert = conn.execute(ACCOUNTS.insert().values(ACCOUNTS.owner, owner).values(ACCOUNTS.balance,
                    initialDeposit));
            return new Account(insert.insertedPrimaryKey().orElseThrow().get(ACCOUNTS.id), owner, initialDeposit);
        }
    }

    /** Reads an account. */
    @Transactional(readOnly = true)
    public Account account(long id) {
        try (Connection conn = engine.connect()) {
            return find(conn, id);
        }
    }

    private static Account find(Connection conn, long id) {
        return conn.execute(select(ACCOUNTS).where(ACCOUNTS.id.eq(id))).oneOrNone().map(LedgerService::account)
                .orElseThrow(() -> new AccountNotFoundException(id));
    }

    private static Account account(Row row) {
        return new Account(row.get(ACCOUNTS.id), row.get(ACCOUNTS.owner), row.get(ACCOUNTS.balance));
    }

    /** Adds money to an account. */
    @Transactional
    public Account deposit(long id, BigDecimal amount) {
        try (Connection conn = engine.connect()) {
            credit(conn, id, amount);
            return find(conn, id);
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
        if (conn.execute(update(ACCOUNTS).where(ACCOUNTS.id.eq(id)).values(ACCOUNTS.balance,
                ACCOUNTS.balance.plus(amount))).rowCount() == 0) {
            throw new AccountNotFoundException(id);
        }
    }

    private static void debit(Connection conn, long id, BigDecimal amount) {
        if (conn.execute(update(ACCOUNTS).where(ACCOUNTS.id.eq(id), ACCOUNTS.balance.ge(amount)).values(
                ACCOUNTS.balance, ACCOUNTS.balance.minus(amount))).rowCount() == 0) {
            find(conn, id); // throws when the account does not exist
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
            Account account = find(conn, id);
            return new Statement(account, conn.execute(select(TRANSFERS).where(or(TRANSFERS.fromAccount.eq(id),
                    TRANSFERS.toAccount.eq(id))).orderBy(TRANSFERS.id)).as(Transfer.class));
        }
    }

    /** The total of all balances (conserved by transfers). */
    @Transactional(readOnly = true)
    public BigDecimal totalBalance() {
        try (Connection conn = engine.connect()) {
            // the sample's one Sql.text() example: hand-written SQL runs beside the expression language
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
            Result result = conn.execute(select(TRANSFERS).orderBy(TRANSFERS.id), Map.of(), ExecutionOptions.empty()
                    .withYieldPer(500));
            out.write("id,from_account,to_account,amount,created_at\n");
            for (Row row : result) {
                out.write(row.get(TRANSFERS.id) + "," + row.get(TRANSFERS.fromAccount) + "," + row.get(
                        TRANSFERS.toAccount) + "," + row.get(TRANSFERS.amount).toPlainString() + "," + row.get(
                                TRANSFERS.createdAt) + "\n");
                rows++;
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
