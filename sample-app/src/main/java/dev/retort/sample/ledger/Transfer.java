package dev.retort.sample.ledger;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A completed transfer.
 *
 * @param id the transfer id
 * @param fromAccount the debited account
 * @param toAccount the credited account
 * @param amount the amount moved
 * @param createdAt when it happened
 */
public record Transfer(long id, long fromAccount, long toAccount, BigDecimal amount, LocalDateTime createdAt) {
}
