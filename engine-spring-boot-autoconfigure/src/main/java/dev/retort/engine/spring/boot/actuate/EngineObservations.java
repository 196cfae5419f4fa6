package dev.retort.engine.spring.boot.actuate;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.NestedTransaction;
import dev.retort.engine.Transaction;
import dev.retort.engine.TwoPhaseTransaction;
import dev.retort.engine.event.ConnectionListener;
import dev.retort.engine.event.CursorEvent;
import dev.retort.engine.event.ErrorEvent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer {@link Observation}s for one engine: {@code retort.statement} around each execution and
 * {@code retort.transaction} from begin to commit or rollback (root, savepoint and two-phase transactions). See
 * {@link RetortObservationDocumentation} for the key names and {@link StatementObservationConvention} /
 * {@link TransactionObservationConvention} to change them.
 * <p>
 * Parent-child: a transaction's parent is the observation current when it began (e.g. the HTTP request), a
 * savepoint's parent is the enclosing transaction, a statement's parent is the innermost open transaction. With a
 * tracing bridge on the classpath the spans therefore nest under the caller's span. Observations are not opened in
 * scope (a transaction can outlive the method that began it), so they never leak into the thread's current
 * observation. With a no-op {@link ObservationRegistry} nothing is allocated per execution.
 * <p>
 * Bind with {@link #bindTo}; Spring Boot does it for every {@link Engine} bean unless
 * {@code retort.engine.observations.enabled=false}.
 */
public final class EngineObservations implements ConnectionListener {

    /** How many nested savepoints an ending transaction's observation stops at most. */
    private static final int MAX_DEPTH = 64;
    private static final String COMMIT = "commit";
    private static final String ROLLBACK = "rollback";

    private final String engineName;
    private final String dbSystem;
    private final ObservationRegistry registry;
    private final @Nullable StatementObservationConvention statementConvention;
    private final @Nullable TransactionObservationConvention transactionConvention;
    private final String key;

    private EngineObservations(String engineName, String dbSystem, ObservationRegistry registry,
            @Nullable StatementObservationConvention statementConvention,
            @Nullable TransactionObservationConvention transactionConvention) {
        this.engineName = engineName;
        this.dbSystem = dbSystem;
        this.registry = registry;
        this.statementConvention = statementConvention;
        this.transactionConvention = transactionConvention;
        this.key = "retort.observation@" + System.identityHashCode(this);
    }

    /**
     * Attaches observations to {@code engine}. Does nothing (and returns the existing instance) when the engine already
     * reports to {@code registry}, e.g. an option engine of an observed engine.
     *
     * @param engine the engine
     * @param engineName its name (the {@code retort.engine} key value)
     * @param registry where observations go
     * @param statementConvention a convention replacing the default for statements, or {@code null}
     * @param transactionConvention a convention replacing the default for transactions, or {@code null}
     * @return the bound listener
     */
    public static EngineObservations bindTo(Engine engine, String engineName, ObservationRegistry registry,
            @Nullable StatementObservationConvention statementConvention,
            @Nullable TransactionObservationConvention transactionConvention) {
        for (ConnectionListener l : engine.getListeners()) {
            if (l instanceof EngineObservations existing && existing.registry == registry) {
                return existing;
            }
        }
        EngineObservations observations = new EngineObservations(engineName, engine.name(), registry,
                statementConvention, transactionConvention);
        engine.addListener(observations);
        return observations;
    }

    /** The engine name the observations carry. */
    public String engineName() {
        return engineName;
    }

    // ------------------------------------------------------------ statements

    @Override
    public void beforeCursorExecute(CursorEvent e) {
        if (registry.isNoop()) {
            return;
        }
        StatementObservationContext context = new StatementObservationContext(engineName, dbSystem, e.operation(),
                e.sql(), e.executemany());
        Observation observation = RetortObservationDocumentation.STATEMENT.observation(statementConvention,
                DefaultStatementObservationConvention.INSTANCE, () -> context, registry);
        Transaction tx = e.transaction();
        if (tx != null && tx.attributes().get(key) instanceof Observation transaction) {
            observation.parentObservation(transaction);
        }
        observation.start();
        e.context().put(key, observation);
    }

    @Override
    public void afterCursorExecute(CursorEvent e) {
        // from the event itself, so an execution nested inside another's hooks cannot lose the outer observation
        if (!registry.isNoop() && e.context().remove(key) instanceof Observation observation) {
            if (observation.getContext() instanceof StatementObservationContext context) {
                context.setRowCount(e.rowCount());
            }
            observation.stop();
        }
    }

    /** A statement execution failed: end its observation; commit or fetch errors have no cursor event. */
    @Override
    public void handleError(ErrorEvent e) {
        CursorEvent failed = e.cursorEvent();
        if (failed != null && !registry.isNoop() && failed.context().remove(key) instanceof Observation observation) {
            observation.error(e.exception());
            observation.stop();
        }
    }

    // ------------------------------------------------------------ transactions: the observation in the attributes

    @Override
    public void begin(Transaction tx) {
        start(tx, null);
    }

    @Override
    public void beginTwoPhase(TwoPhaseTransaction tx) {
        start(tx, null);
    }

    /** A savepoint's parent is the transaction it opens in: the savepoint before it, else the root. */
    @Override
    public void savepoint(NestedTransaction sp) {
        Connection c = sp.connection();
        start(sp, c.getNestedTransaction().map(Transaction.class::cast).or(c::getTransaction).orElse(null));
    }

    @Override
    public void commit(Transaction tx) {
        end(tx, COMMIT);
    }

    @Override
    public void rollback(Transaction tx) {
        end(tx, ROLLBACK);
    }

    @Override
    public void commitTwoPhase(TwoPhaseTransaction tx) {
        end(tx, COMMIT);
    }

    @Override
    public void rollbackTwoPhase(TwoPhaseTransaction tx) {
        end(tx, ROLLBACK);
    }

    @Override
    public void releaseSavepoint(NestedTransaction sp) {
        end(sp, COMMIT);
    }

    @Override
    public void rollbackSavepoint(NestedTransaction sp) {
        end(sp, ROLLBACK);
    }

    private void start(Transaction tx, @Nullable Transaction parent) {
        if (registry.isNoop()) {
            return;
        }
        TransactionObservationContext context = new TransactionObservationContext(engineName, dbSystem,
                TransactionKind.NAMES[TransactionKind.of(tx)]);
        Observation observation = RetortObservationDocumentation.TRANSACTION.observation(transactionConvention,
                DefaultTransactionObservationConvention.INSTANCE, () -> context, registry);
        if (parent != null && parent.attributes().get(key) instanceof Observation p) {
            observation.parentObservation(p);
        }
        tx.attributes().put(key, observation.start());
    }

    /**
     * Ends {@code tx}'s observation and those of the savepoints still open inside it (they end with it, with the same
     * outcome): from the innermost open savepoint's observation up its parents to {@code tx}'s.
     */
    private void end(Transaction tx, String outcome) {
        if (registry.isNoop() || !(tx.attributes().remove(key) instanceof Observation ending)) {
            return;
        }
        Observation inner = tx.connection().getNestedTransaction()
                .map(sp -> sp.attributes().get(key) instanceof Observation o ? o : null).orElse(null);
        for (int depth = 0; inner != null && inner != ending && depth < MAX_DEPTH; depth++) {
            Observation parent = inner.getContextView().getParentObservation() instanceof Observation p ? p : null;
            stop(inner, outcome);
            inner = parent;
        }
        stop(ending, outcome);
    }

    private static void stop(Observation observation, String outcome) {
        if (observation.getContext() instanceof TransactionObservationContext context) {
            context.setOutcome(outcome);
        }
        observation.stop();
    }

    @Override
    public String toString() {
        return "EngineObservations[" + engineName + "]";
    }
}
