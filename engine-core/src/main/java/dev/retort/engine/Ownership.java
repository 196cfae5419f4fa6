package dev.retort.engine;

import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.exc.PendingRollbackException;
import dev.retort.engine.spi.ExternalTransaction;
import org.jspecify.annotations.Nullable;

/**
 * Who decides a connection's transactions: the connection itself, by SQLAlchemy's rules ({@link #OWN}), or a
 * framework transaction the connection joined as a branch ({@link Joined}). One strategy object per connection, so
 * that {@link Connection} has no "is this a branch" flags.
 */
abstract class Ownership {

    /** The connection owns its transactions: autobegin, commit-as-you-go, rollback on close. */
    static final Ownership OWN = new Own();

    /** Before a statement: autobegins, or checks that the framework's transaction can still take statements. */
    abstract void beforeStatement(Connection c);

    /** {@link Connection#begin()}. */
    abstract Transaction begin(Connection c);

    /** Raises when a framework owns the transaction, so the connection may not {@code action} it. */
    abstract void refuse(String action);

    /** The query timeout for the next statement, given the statement's own (0 = none). */
    abstract int statementTimeout(int seconds);

    /**
     * The connection whose transaction and JDBC connection this one uses: itself, the connection a branch was made
     * from, or {@code null} for a JDBC connection adopted from a framework's own transaction.
     */
    abstract @Nullable Connection origin(Connection c);

    /** Whether a transaction is in progress (always, for a branch). */
    abstract boolean inTransaction(Connection c);

    /** Closes: rolls back and returns the JDBC connection, or, for a branch, only lets go of it. */
    abstract void close(Connection c);

    /** Whether this is a branch of a framework's transaction. */
    abstract boolean joined();

    private static final class Own extends Ownership {
        @Override
        void beforeStatement(Connection c) {
            c.autobegin();
        }

        @Override
        Transaction begin(Connection c) {
            return c.beginRoot(new Transaction(c, false));
        }

        @Override
        void refuse(String action) {
        }

        @Override
        int statementTimeout(int seconds) {
            return seconds;
        }

        @Override
        Connection origin(Connection c) {
            return c;
        }

        @Override
        boolean inTransaction(Connection c) {
            return c.root != null;
        }

        @Override
        void close(Connection c) {
            c.rollbackAndRelease();
        }

        @Override
        boolean joined() {
            return false;
        }
    }

    /** A branch: same JDBC connection as the framework's transaction, which alone commits or rolls back. */
    static final class Joined extends Ownership {
        private final ExternalTransaction external;
        private final @Nullable Connection origin;

        Joined(ExternalTransaction external, @Nullable Connection origin) {
            this.external = external;
            this.origin = origin;
        }

        @Override
        void beforeStatement(Connection c) {
            if (external.isRollbackOnly()) {
                throw new PendingRollbackException("This " + external.owner() + "-managed transaction has been marked "
                        + "rollback-only (a sub-transaction rolled back); " + external.owner() + " will roll it back "
                        + "when the outer transaction ends. Leave the transactional method instead of running more SQL");
            }
        }

        @Override
        Transaction begin(Connection c) {
            return new JoinedTransaction(c, external);
        }

        @Override
        void refuse(String action) {
            if (action.endsWith("()")) {
                throw new InvalidRequestException("Can't call " + action + " on this connection: its transaction is "
                        + "owned by " + external.owner() + ". Let the " + external.owner() + " transaction commit or "
                        + "roll back, or use begin()/beginNested() for a sub-transaction");
            }
            throw new InvalidRequestException("Can't " + action + " a connection whose transaction is owned by "
                    + external.owner());
        }

        @Override
        int statementTimeout(int seconds) {
            int left = external.statementTimeoutSeconds();
            return left > 0 && (seconds == 0 || left < seconds) ? left : seconds;
        }

        @Override
        @Nullable Connection origin(Connection c) {
            return origin;
        }

        @Override
        boolean inTransaction(Connection c) {
            return true;
        }

        @Override
        void close(Connection c) {
            c.letGo();
        }

        @Override
        boolean joined() {
            return true;
        }
    }
}
