package dev.retort.engine.spring.boot.actuate;

import dev.retort.engine.spring.boot.actuate.RetortObservationDocumentation.StatementHighCardinalityKeyNames;
import dev.retort.engine.spring.boot.actuate.RetortObservationDocumentation.StatementLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link StatementObservationConvention}: name {@code retort.statement}, contextual (span) name the
 * operation (e.g. {@code select}), low-cardinality {@code db.system}, {@code db.operation} and {@code retort.engine},
 * high-cardinality {@code db.statement} (the SQL with {@code ?} placeholders, never parameter values). Extend it to
 * add key values.
 */
public class DefaultStatementObservationConvention implements StatementObservationConvention {

    /** A shared instance. */
    public static final DefaultStatementObservationConvention INSTANCE = new DefaultStatementObservationConvention();

    /** The observation name. */
    public static final String NAME = "retort.statement";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(StatementObservationContext context) {
        return context.getOperation();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(StatementObservationContext context) {
        return KeyValues.of(StatementLowCardinalityKeyNames.DB_SYSTEM.withValue(context.getDbSystem()),
                StatementLowCardinalityKeyNames.DB_OPERATION.withValue(context.getOperation()),
                StatementLowCardinalityKeyNames.ENGINE.withValue(context.getEngineName()));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(StatementObservationContext context) {
        return KeyValues.of(StatementHighCardinalityKeyNames.DB_STATEMENT.withValue(context.getSql()));
    }
}
