package dev.retort.sample.ledger;

import dev.retort.engine.event.ConnectionListener;
import dev.retort.engine.event.CursorEvent;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Logs statements slower than {@code ledger.slow-statement-threshold} (SQLAlchemy's timing recipe as a listener
 * bean; the starter registers it on the engine).
 */
@Component
public class SlowStatementLogger implements ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(SlowStatementLogger.class);

    private final Duration threshold;

    /** Creates the listener. */
    public SlowStatementLogger(@Value("${ledger.slow-statement-threshold:200ms}") Duration threshold) {
        this.threshold = threshold;
    }

    @Override
    public void afterCursorExecute(CursorEvent e) {
        Duration elapsed = e.elapsed();
        if (elapsed != null && elapsed.compareTo(threshold) > 0) {
            LOG.warn("Slow statement ({} ms > {} ms): {}", elapsed.toMillis(), threshold.toMillis(), e.sql());
        }
    }

    /** The threshold. */
    public Duration threshold() {
        return threshold;
    }
}
