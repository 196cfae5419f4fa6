package dev.retort.engine.spring.boot.sample;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Sql;
import dev.retort.engine.TextClause;
import java.util.Map;
import org.springframework.stereotype.Repository;

/** Engine-based data access; its exceptions are translated into DataAccessExceptions. */
@Repository
public class AccountRepository {

    private static final TextClause INSERT = Sql.text("INSERT INTO accounts (id, name) VALUES (:id, :name)");

    private final Engine engine;

    AccountRepository(Engine engine) {
        this.engine = engine;
    }

    /** Inserts a row on the current transaction's connection (or its own, autocommitted). */
    public void insert(int id) {
        try (Connection c = engine.connect()) {
            c.execute(INSERT, Map.of("id", id, "name", "n" + id));
            if (!c.isBranch()) {
                c.commit();
            }
        }
    }

    /** Inserts in an engine sub-transaction, then rolls that back: inside Spring this dooms the transaction. */
    public void insertAndRollBackSubTransaction(int id) {
        try (Connection c = engine.connect()) {
            var tx = c.begin();
            c.execute(INSERT, Map.of("id", id, "name", "n" + id));
            tx.rollback();
        }
    }

    /** The number of rows visible to the current transaction. */
    public long count() {
        try (Connection c = engine.connect()) {
            return ((Number) c.scalar(Sql.text("SELECT COUNT(*) FROM accounts"))).longValue();
        }
    }
}
