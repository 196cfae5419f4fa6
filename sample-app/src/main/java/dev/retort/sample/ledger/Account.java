package dev.retort.sample.ledger;

import java.math.BigDecimal;

/**
 * An account as stored.
 *
 * @param id the account id
 * @param owner who owns it
 * @param balance the current balance, never negative
 */
public record Account(long id, String owner, BigDecimal balance) {
}
