package dev.retort.sample.ledger;

import dev.retort.engine.exc.OperationalException;
import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Retries a transfer whose REPEATABLE READ transaction lost a race (serialization failure or deadlock, SQLState
 * class 40, or H2's concurrent-update error) after a short random back-off. Each attempt is a fresh transaction;
 * nothing of a failed attempt stays.
 */
@Service
public class TransferService {

    private static final Logger LOG = LoggerFactory.getLogger(TransferService.class);
    private static final int ATTEMPTS = 30;

    private final LedgerService ledger;

    /** Creates the service. */
    public TransferService(LedgerService ledger) {
        this.ledger = ledger;
    }

    /** Transfers, retrying serialization failures. */
    public Transfer transfer(long from, long to, BigDecimal amount) {
        for (int attempt = 1;; attempt++) {
            try {
                return ledger.transfer(from, to, amount);
            } catch (OperationalException | org.springframework.dao.ConcurrencyFailureException e) {
                if (!retryable(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debug("Transfer {} -> {} lost a race (attempt {}), retrying", from, to, attempt);
                backOff(attempt);
            }
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 2 + Math.min(attempt, 10) * 3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a transfer", e);
        }
    }

    private static boolean retryable(RuntimeException e) {
        if (e instanceof org.springframework.dao.ConcurrencyFailureException) {
            return true;
        }
        java.sql.SQLException orig = ((OperationalException) e).orig();
        String state = orig.getSQLState();
        return state != null && state.startsWith("40") || orig.getErrorCode() == 90131;
    }
}
