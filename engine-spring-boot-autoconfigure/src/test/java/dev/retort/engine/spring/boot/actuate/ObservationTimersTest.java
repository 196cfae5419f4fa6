package dev.retort.engine.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.Engine;
import dev.retort.engine.Sql;
import dev.retort.engine.exc.EngineException;
import dev.retort.engine.spring.boot.autoconfigure.RetortDataSourceAutoConfiguration;
import dev.retort.engine.spring.boot.autoconfigure.RetortEngineAutoConfiguration;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Each concept is timed once whatever the configuration: with Boot's meter observation handler the
 * {@code retort.statement} / {@code retort.transaction} observations are the timers and the explicit
 * {@code retort.statements} / {@code retort.transactions} are not registered; with observations off, absent or
 * disabled by a predicate, the explicit timers are.
 */
class ObservationTimersTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                    MetricsAutoConfiguration.class, RetortDataSourceAutoConfiguration.class,
                    RetortEngineAutoConfiguration.class,
                    RetortMetricsAutoConfiguration.class, RetortObservationAutoConfiguration.class))
            .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("retort.engine.url=h2:mem:timers_" + UUID.randomUUID());

    /** Three statements (one of them failing) and one committed transaction with a rolled-back savepoint. */
    private static void work(AssertableApplicationContext context) {
        Engine engine = context.getBean(Engine.class);
        engine.inTransaction(c -> {
            c.execute(Sql.text("CREATE TABLE t (id INT PRIMARY KEY)"));
            c.execute(Sql.text("INSERT INTO t VALUES (1)"));
            assertThatThrownBy(() -> c.useNested(n -> n.execute(Sql.text("INSERT INTO t VALUES (1)"))))
                    .isInstanceOf(EngineException.class);
            return null;
        });
    }

    private static Map<String, Long> timerCounts(MeterRegistry registry, String name) {
        return registry.find(name).timers().stream().collect(Collectors.groupingBy(ObservationTimersTest::tags,
                Collectors.summingLong(Timer::count)));
    }

    private static String tags(Meter meter) {
        return meter.getId().getTags().stream().map(t -> t.getKey() + "=" + t.getValue())
                .collect(Collectors.joining(","));
    }

    @Test
    void withBootsMeterObservationHandlerTheObservationsAreTheOnlyTimers() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            work(context);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find(EngineMetrics.STATEMENTS).meters()).isEmpty();
            assertThat(registry.find(EngineMetrics.TRANSACTIONS).meters()).isEmpty();
            assertThat(timerCounts(registry, DefaultStatementObservationConvention.NAME)).containsOnly(
                    Map.entry("db.operation=ddl,db.system=h2,engine=retortEngine,error=none", 1L),
                    Map.entry("db.operation=insert,db.system=h2,engine=retortEngine,error=none", 1L),
                    Map.entry("db.operation=insert,db.system=h2,engine=retortEngine,error=IntegrityException", 1L));
            assertThat(timerCounts(registry, DefaultTransactionObservationConvention.NAME)).containsOnly(
                    Map.entry("db.system=h2,engine=retortEngine,error=none,retort.transaction.kind=root,"
                            + "retort.transaction.outcome=commit", 1L),
                    Map.entry("db.system=h2,engine=retortEngine,error=none,retort.transaction.kind=nested,"
                            + "retort.transaction.outcome=rollback", 1L));
            assertThat(registry.getMeters()).extracting(m -> m.getId().getName())
                    .filteredOn(n -> n.startsWith("retort.")).doesNotContain(EngineMetrics.STATEMENTS,
                            EngineMetrics.TRANSACTIONS)
                    .contains(EngineMetrics.CHECKOUT, EngineMetrics.ACTIVE, EngineMetrics.INVALIDATIONS,
                            EngineMetrics.ROWS_FETCHED, CompiledCacheMetrics.SIZE);
            assertThat(registry.get(EngineMetrics.ACTIVE).tags("engine", "retortEngine", "role", "primary")
                    .gauge()).isNotNull();
        });
    }

    @Test
    void withObservationsOffTheExplicitTimersAreTheOnlyTimers() {
        runner.withPropertyValues("retort.engine.observations.enabled=false").run(this::explicitTimersOnly);
    }

    @Test
    void withoutAnObservationRegistryTheExplicitTimersAreTheOnlyTimers() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        RetortDataSourceAutoConfiguration.class, RetortEngineAutoConfiguration.class,
                        RetortMetricsAutoConfiguration.class,
                        RetortObservationAutoConfiguration.class))
                .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("retort.engine.url=h2:mem:timers_" + UUID.randomUUID())
                .run(this::explicitTimersOnly);
    }

    @Test
    void observationsSwitchedOffByBootsPredicateLeaveTheExplicitTimers() {
        runner.withPropertyValues("management.observations.enable.retort=false").run(this::explicitTimersOnly);
    }

    @Test
    void onlyTheStatementObservationSwitchedOffKeepsOneTimerPerConcept() {
        runner.withPropertyValues("management.observations.enable.retort.statement=false").run(context -> {
            work(context);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find(DefaultStatementObservationConvention.NAME).timers()).isEmpty();
            assertThat(registry.find(EngineMetrics.STATEMENTS).timers()).isNotEmpty();
            assertThat(registry.find(EngineMetrics.TRANSACTIONS).timers()).isEmpty();
            assertThat(timerCounts(registry, DefaultTransactionObservationConvention.NAME).values()
                    .stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
        });
    }

    private void explicitTimersOnly(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        work(context);
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        assertThat(registry.find(DefaultStatementObservationConvention.NAME).meters()).isEmpty();
        assertThat(registry.find(DefaultTransactionObservationConvention.NAME).meters()).isEmpty();
        Function<String, Long> statements = operation -> registry.get(EngineMetrics.STATEMENTS)
                .tags("engine", "retortEngine", "operation", operation).timers().stream().mapToLong(Timer::count)
                .sum();
        assertThat(statements.apply("ddl")).isEqualTo(1);
        assertThat(statements.apply("insert")).isEqualTo(2);
        assertThat(registry.get(EngineMetrics.STATEMENTS).tags("operation", "insert", "outcome", "error").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get(EngineMetrics.TRANSACTIONS).tags("kind", "root", "outcome", "commit").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get(EngineMetrics.TRANSACTIONS).tags("kind", "nested", "outcome", "rollback").timer()
                .count()).isEqualTo(1);
    }
}
