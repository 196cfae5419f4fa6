package dev.retort.engine.spring.boot.actuate;

import io.micrometer.observation.Observation;

/**
 * The {@link Observation.Context} of a {@link RetortObservationDocumentation#TRANSACTION retort.transaction}
 * observation: one root transaction, savepoint or two-phase transaction, from begin to commit or rollback.
 */
public final class TransactionObservationContext extends Observation.Context {

    /** The outcome before the transaction ended. */
    public static final String OUTCOME_UNKNOWN = "unknown";

    private final String engineName;
    private final String dbSystem;
    private final String kind;
    private String outcome = OUTCOME_UNKNOWN;

    /**
     * Creates the context of one transaction.
     *
     * @param engineName the engine (bean) name
     * @param dbSystem the dialect name
     * @param kind {@code root}, {@code nested} (a savepoint) or {@code twophase}
     */
    public TransactionObservationContext(String engineName, String dbSystem, String kind) {
        this.engineName = engineName;
        this.dbSystem = dbSystem;
        this.kind = kind;
    }

    /** The engine (bean) name. */
    public String getEngineName() {
        return engineName;
    }

    /** The dialect name. */
    public String getDbSystem() {
        return dbSystem;
    }

    /** {@code root}, {@code nested} or {@code twophase}. */
    public String getKind() {
        return kind;
    }

    /** {@code commit} or {@code rollback} once ended, {@value #OUTCOME_UNKNOWN} before. */
    public String getOutcome() {
        return outcome;
    }

    /** Sets the outcome; called when the transaction ends. */
    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }
}
