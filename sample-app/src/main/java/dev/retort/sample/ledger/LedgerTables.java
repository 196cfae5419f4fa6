package dev.retort.sample.ledger;

import static dev.retort.engine.schema.ColumnOption.notNull;
import static dev.retort.engine.schema.ColumnOption.primaryKey;
import static dev.retort.engine.schema.ColumnOption.references;
import static dev.retort.engine.schema.Types.BIGINT;
import static dev.retort.engine.schema.Types.TIMESTAMP;
import static dev.retort.engine.schema.Types.numeric;
import static dev.retort.engine.schema.Types.string;

import dev.retort.engine.schema.Column;
import dev.retort.engine.schema.MetaData;
import dev.retort.engine.schema.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The ledger's tables, declared with the SQL expression language: {@link Schema} creates them with
 * {@code METADATA.createAll}, {@link LedgerService} builds its statements from their typed columns.
 */
final class LedgerTables {

    /** The ledger's schema. */
    static final MetaData METADATA = new MetaData();
    /** {@code ledger_accounts}. */
    static final Accounts ACCOUNTS = new Accounts();
    /** {@code ledger_transfers}. */
    static final Transfers TRANSFERS = new Transfers();

    private LedgerTables() {
    }

    /** An account per row; the id is generated. Balances never go negative: a debit is conditional on the balance. */
    static final class Accounts extends Table {
        final Column<Long> id = column("id", BIGINT, primaryKey());
        final Column<String> owner = column("owner", string(100), notNull());
        final Column<BigDecimal> balance = column("balance", numeric(19, 2), notNull());

        private Accounts() {
            super("ledger_accounts", METADATA);
        }
    }

    /** A completed transfer per row; the id is generated. */
    static final class Transfers extends Table {
        final Column<Long> id = column("id", BIGINT, primaryKey());
        final Column<Long> fromAccount = column("from_account", BIGINT, notNull(), references("ledger_accounts.id"));
        final Column<Long> toAccount = column("to_account", BIGINT, notNull(), references("ledger_accounts.id"));
        final Column<BigDecimal> amount = column("amount", numeric(19, 2), notNull());
        final Column<LocalDateTime> createdAt = column("created_at", TIMESTAMP, notNull());

        private Transfers() {
            super("ledger_transfers", METADATA);
        }
    }
}
