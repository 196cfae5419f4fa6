package dev.retort.sample.ledger;

import java.math.BigDecimal;

/** The debited account cannot cover the amount (HTTP 409). */
public class InsufficientFundsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public InsufficientFundsException(long id, BigDecimal amount) {
        super("Account " + id + " has insufficient funds for " + amount.toPlainString());
    }
}
