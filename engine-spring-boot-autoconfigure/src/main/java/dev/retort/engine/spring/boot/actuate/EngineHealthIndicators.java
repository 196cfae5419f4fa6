package dev.retort.engine.spring.boot.actuate;

import dev.retort.engine.Engine;
import dev.retort.engine.exc.EngineException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * One {@link EngineHealthIndicator} per {@code Engine} bean, keyed by bean name, shared by the {@code retort} and
 * {@code db} health contributors so that both wait on the same ping.
 */
final class EngineHealthIndicators {

    private final Map<String, EngineHealthIndicator> byName = new TreeMap<>();

    EngineHealthIndicators(ListableBeanFactory beanFactory, Duration timeout) {
        beanFactory.getBeansOfType(Engine.class, false, true).forEach((name, engine) -> byName.put(name,
                new EngineHealthIndicator(engine, name, timeout)));
    }

    Map<String, EngineHealthIndicator> byName() {
        return byName;
    }

    /** The indicator of an engine over {@code dataSource}, if any. */
    @Nullable EngineHealthIndicator covering(DataSource dataSource) {
        for (EngineHealthIndicator indicator : byName.values()) {
            try {
                if (indicator.engine().dataSource() == dataSource) {
                    return indicator;
                }
            } catch (EngineException mockEngine) {
                // a mock engine has no pool
            }
        }
        return null;
    }
}
