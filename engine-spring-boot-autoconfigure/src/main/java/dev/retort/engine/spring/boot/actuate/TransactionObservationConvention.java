package dev.retort.engine.spring.boot.actuate;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The {@link ObservationConvention} of {@code retort.transaction} observations. Declare a bean of this type to replace
 * {@link DefaultTransactionObservationConvention}.
 */
public interface TransactionObservationConvention extends ObservationConvention<TransactionObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof TransactionObservationContext;
    }
}
