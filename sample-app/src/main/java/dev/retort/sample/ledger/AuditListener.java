package dev.retort.sample.ledger;

import dev.retort.engine.Connection;
import dev.retort.engine.event.ConnectionListener;
import dev.retort.engine.event.CursorEvent;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An audit trail of writes: every INSERT, UPDATE or DELETE is logged with its row count, and commits and rollbacks
 * are counted. Registered on the engine by the starter because it is a {@link ConnectionListener} bean.
 */
@Component
public class AuditListener implements ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger("ledger.audit");

    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong rollbacks = new AtomicLong();

    @Override
    public void afterCursorExecute(CursorEvent e) {
        String op = e.operation();
        if (op.equals("insert") || op.equals("update") || op.equals("delete")) {
            writes.incrementAndGet();
            LOG.info("{} affected {} row(s)", op, e.rowCount());
        }
    }

    @Override
    public void commit(Connection c) {
        commits.incrementAndGet();
    }

    @Override
    public void rollback(Connection c) {
        rollbacks.incrementAndGet();
    }

    /** Write statements seen. */
    public long writes() {
        return writes.get();
    }

    /** Commits seen. */
    public long commits() {
        return commits.get();
    }

    /** Rollbacks seen. */
    public long rollbacks() {
        return rollbacks.get();
    }
}
