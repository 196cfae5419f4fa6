package dev.retort.engine.spring.boot.actuate;

import dev.retort.engine.spring.boot.actuate.RetortObservationDocumentation.TransactionLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link TransactionObservationConvention}: name {@code retort.transaction}, contextual (span) name
 * {@code "<kind> transaction"}, low-cardinality {@code db.system}, {@code retort.engine},
 * {@code retort.transaction.kind} and {@code retort.transaction.outcome}. Extend it to add key values.
 */
public class DefaultTransactionObservationConvention implements TransactionObservationConvention {

    /** A shared instance. */
    public static final DefaultTransactionObservationConvention INSTANCE = new DefaultTransactionObservationConvention();

    /** The observation name. */
    public static final String NAME = "retort.transaction";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(TransactionObservationContext context) {
        return context.getKind() + " transaction";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(TransactionObservationContext context) {
        return KeyValues.of(TransactionLowCardinalityKeyNames.DB_SYSTEM.withValue(context.getDbSystem()),
                TransactionLowCardinalityKeyNames.ENGINE.withValue(context.getEngineName()),
                TransactionLowCardinalityKeyNames.KIND.withValue(context.getKind()),
                TransactionLowCardinalityKeyNames.OUTCOME.withValue(context.getOutcome()));
    }
}
