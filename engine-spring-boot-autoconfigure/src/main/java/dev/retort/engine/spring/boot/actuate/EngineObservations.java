package dev.retort.engine.spring.boot.actuate;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
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

    private static final String OBSERVATION = "retort.observation";
    private static final String COMMIT = "commit";
    private static final String ROLLBACK = "rollback";

    private final String engineName;
    private final String dbSystem;
    private final ObservationRegistry registry;
    private final @Nullable StatementObservationConvention statementConvention;
    private final @Nullable TransactionObservationConvention transactionConvention;
    private final String txKey;
    private final ThreadLocal<InFlight> inFlight = ThreadLocal.withInitial(InFlight::new);

    /** The statement running on this thread, to find its observation when it fails. */
    private static final class InFlight {
        @Nullable CursorEvent event;
    }

    private EngineObservations(String engineName, String dbSystem, ObservationRegistry registry,
            @Nullable StatementObservationConvention statementConvention,
            @Nullable TransactionObservationConvention transactionConvention) {
        this.engineName = engineName;
        this.dbSystem = dbSystem;
        this.registry = registry;
        this.statementConvention = statementConvention;
        this.transactionConvention = transactionConvention;
        this.txKey = "retort.observations.tx@" + System.identityHashCode(this);
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
        if (TxStack.of(e.connection(), txKey).innermostValue() instanceof Observation transaction) {
            observation.parentObservation(transaction);
        }
        observation.start();
        e.context().put(OBSERVATION, observation);
        inFlight.get().event = e;
    }

    @Override
    public void afterCursorExecute(CursorEvent e) {
        if (registry.isNoop()) {
            return;
        }
        InFlight f = inFlight.get();
        if (f.event == e) {
            f.event = null;
        }
        // from the event itself, so an execution nested inside another's hooks cannot lose the outer observation
        if (e.context().remove(OBSERVATION) instanceof Observation observation) {
            if (observation.getContext() instanceof StatementObservationContext context) {
                context.setRowCount(e.rowCount());
            }
            observation.stop();
        }
    }

    @Override
    public void handleError(ErrorEvent e) {
        CursorEvent running = inFlight.get().event;
        // only the statement that just ran on this connection; commit or fetch errors have no statement observation
        if (running != null && running.connection() == e.connection() && running.sql() == e.sql()) {
            inFlight.get().event = null;
            if (running.context().remove(OBSERVATION) instanceof Observation observation) {
                observation.error(e.exception());
                observation.stop();
            }
        }
    }

    // ------------------------------------------------------------ transactions

    @Override
    public void begin(Connection c) {
        beginRoot(c, TxStack.ROOT);
    }

    @Override
    public void beginTwoPhase(Connection c, String xid) {
        beginRoot(c, TxStack.TWO_PHASE);
    }

    @Override
    public void commit(Connection c) {
        endRoot(c, COMMIT);
    }

    @Override
    public void rollback(Connection c) {
        endRoot(c, ROLLBACK);
    }

    @Override
    public void commitTwoPhase(Connection c, String xid, boolean prepared) {
        endRoot(c, COMMIT);
    }

    @Override
    public void rollbackTwoPhase(Connection c, String xid, boolean prepared) {
        endRoot(c, ROLLBACK);
    }

    @Override
    public void savepoint(Connection c, String name) {
        if (registry.isNoop()) {
            return;
        }
        TxStack tx = TxStack.of(c, txKey);
        Observation observation = transaction(TxStack.NESTED, tx.innermostValue());
        tx.push(name, 0L, observation);
    }

    @Override
    public void releaseSavepoint(Connection c, String name) {
        endNested(c, name, COMMIT);
    }

    @Override
    public void rollbackSavepoint(Connection c, String name) {
        endNested(c, name, ROLLBACK);
    }

    private void beginRoot(Connection c, int kind) {
        if (registry.isNoop()) {
            return;
        }
        TxStack tx = TxStack.of(c, txKey);
        if (tx.hasRoot()) {
            // a transaction ended without an event (its connection was invalidated): end its observations now
            stopFrom(tx, 0, TransactionObservationContext.OUTCOME_UNKNOWN);
            stop(tx.rootValue, TransactionObservationContext.OUTCOME_UNKNOWN);
        }
        tx.begin(kind, 0L, transaction(kind, null));
    }

    private Observation transaction(int kind, @Nullable Object parent) {
        TransactionObservationContext context = new TransactionObservationContext(engineName, dbSystem,
                TxStack.KINDS[kind]);
        Observation observation = RetortObservationDocumentation.TRANSACTION.observation(transactionConvention,
                DefaultTransactionObservationConvention.INSTANCE, () -> context, registry);
        if (parent instanceof Observation p) {
            observation.parentObservation(p);
        }
        return observation.start();
    }

    private void endRoot(Connection c, String outcome) {
        if (registry.isNoop()) {
            return;
        }
        TxStack tx = TxStack.of(c, txKey);
        if (tx.hasRoot()) {
            stopFrom(tx, 0, outcome);
            stop(tx.rootValue, outcome);
            tx.endRoot();
        }
    }

    private void endNested(Connection c, String name, String outcome) {
        if (registry.isNoop()) {
            return;
        }
        TxStack tx = TxStack.of(c, txKey);
        int index = tx.indexOf(name);
        if (index >= 0) {
            stopFrom(tx, index, outcome);
            tx.truncate(index);
        }
    }

    /** Stops the savepoint observations from the innermost down to {@code index}; inner ones share the outcome. */
    private static void stopFrom(TxStack tx, int index, String outcome) {
        for (int i = tx.depth - 1; i >= index; i--) {
            stop(tx.values[i], outcome);
        }
    }

    private static void stop(@Nullable Object value, String outcome) {
        if (value instanceof Observation observation) {
            if (observation.getContext() instanceof TransactionObservationContext context) {
                context.setOutcome(outcome);
            }
            observation.stop();
        }
    }

    @Override
    public String toString() {
        return "EngineObservations[" + engineName + "]";
    }
}
