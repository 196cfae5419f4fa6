package dev.retort.engine.spring.boot.actuate;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The {@link ObservationConvention} of {@code retort.statement} observations. Declare a bean of this type to replace
 * {@link DefaultStatementObservationConvention} (e.g. extend it to add key values); without one, a matching
 * {@code GlobalObservationConvention} registered on the {@code ObservationRegistry} applies, then the default.
 */
public interface StatementObservationConvention extends ObservationConvention<StatementObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof StatementObservationContext;
    }
}
