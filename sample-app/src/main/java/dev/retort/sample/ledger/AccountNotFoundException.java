package dev.retort.sample.ledger;

/** The account does not exist (HTTP 404). */
public class AccountNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for an account id. */
    public AccountNotFoundException(long id) {
        super("Account " + id + " does not exist");
    }
}
