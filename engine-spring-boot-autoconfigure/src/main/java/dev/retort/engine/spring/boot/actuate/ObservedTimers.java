package dev.retort.engine.spring.boot.actuate;

import dev.retort.engine.spring.boot.actuate.EngineMetrics.Timers;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Decides which {@link EngineMetrics} timers to register so that each concept is timed once: a
 * {@code retort.statement} or {@code retort.transaction} observation already becomes a timer when the engines are
 * observed ({@link RetortObservationAutoConfiguration} is active), a {@link MeterObservationHandler} bean exists
 * (Spring Boot registers its {@code DefaultMeterObservationHandler} with a {@code MeterRegistry}) and no predicate
 * (e.g. {@code management.observations.enable.retort=false}) switches the observation off. The timers of the
 * observations that do not become meters are registered explicitly.
 */
final class ObservedTimers {

    private ObservedTimers() {
    }

    /** The {@link EngineMetrics} timers no observation replaces in the application context of {@code beanFactory}. */
    static Set<Timers> explicitTimers(ListableBeanFactory beanFactory) {
        Set<Timers> timers = EnumSet.allOf(Timers.class);
        if (!beanFactory.containsBean(RetortObservationAutoConfiguration.BINDER_BEAN)
                || beanFactory.getBeanNamesForType(MeterObservationHandler.class, true, false).length == 0) {
            return timers;
        }
        ObservationRegistry registry = beanFactory.getBeanProvider(ObservationRegistry.class).getIfUnique();
        if (registry == null || registry.isNoop()) {
            return timers;
        }
        StatementObservationConvention statements = beanFactory.getBeanProvider(StatementObservationConvention.class)
                .getIfUnique();
        TransactionObservationConvention transactions = beanFactory
                .getBeanProvider(TransactionObservationConvention.class).getIfUnique();
        if (!RetortObservationDocumentation.STATEMENT.observation(statements,
                DefaultStatementObservationConvention.INSTANCE,
                () -> new StatementObservationContext("", "", "select", "", false), registry).isNoop()) {
            timers.remove(Timers.STATEMENTS);
        }
        if (!RetortObservationDocumentation.TRANSACTION.observation(transactions,
                DefaultTransactionObservationConvention.INSTANCE,
                () -> new TransactionObservationContext("", "", TransactionKind.NAMES[TransactionKind.ROOT]),
                registry).isNoop()) {
            timers.remove(Timers.TRANSACTIONS);
        }
        return timers;
    }
}
