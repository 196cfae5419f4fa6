package dev.retort.sample.ledger;

import static dev.retort.engine.Sql.func;
import static dev.retort.engine.Sql.select;
import static dev.retort.sample.ledger.LedgerTables.ACCOUNTS;
import static dev.retort.sample.ledger.LedgerTables.METADATA;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the ledger tables at start-up ({@code METADATA.createAll}: those that exist are left alone) and seeds three
 * accounts into an empty ledger. Uses {@code engine.begin()} semantics: all of it commits, or none of it.
 */
@Component
@Order(0)
public class Schema implements ApplicationRunner {

    private final Engine engine;

    /** Creates the initializer. */
    public Schema(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void run(ApplicationArguments args) {
        engine.useTransaction(conn -> {
            METADATA.createAll(conn);
            if (conn.execute(select(func.count()).selectFrom(ACCOUNTS)).scalar(Long.class) == 0) {
                seed(conn);
            }
        });
    }

    private static void seed(Connection conn) {
        conn.execute(ACCOUNTS.insert(), List.of(
                Map.of("owner", "alice", "balance", new BigDecimal("1000.00")),
                Map.of("owner", "bob", "balance", new BigDecimal("500.00")),
                Map.of("owner", "carol", "balance", new BigDecimal("250.00"))));
    }
}
