package dev.retort.engine.spring.boot.actuate;

import dev.retort.engine.NestedTransaction;
import dev.retort.engine.Transaction;
import dev.retort.engine.TwoPhaseTransaction;

/** The {@code kind} tag of a transaction: {@code root}, {@code nested} (savepoint) or {@code twophase}. */
final class TransactionKind {

    static final int ROOT = 0;
    static final int NESTED = 1;
    static final int TWO_PHASE = 2;
    static final String[] NAMES = {"root", "nested", "twophase"};

    private TransactionKind() {
    }

    static int of(Transaction tx) {
        return tx instanceof NestedTransaction ? NESTED : tx instanceof TwoPhaseTransaction ? TWO_PHASE : ROOT;
    }
}
