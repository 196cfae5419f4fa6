package dev.retort.bench;

import dev.retort.engine.event.ConnectionListener;
import dev.retort.engine.event.CursorEvent;
import dev.retort.engine.event.ErrorEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Placeholder for Retort's Micrometer metrics: records the {@code retort.statements} timer (tags {@code engine},
 * {@code operation}, {@code outcome}) per statement, as DESIGN.md specifies. The real listener lives in
 * engine-spring-boot-autoconfigure (being written); swap it in here when it lands, keeping this class the only place
 * that knows.
 */
final class StatementTimerListener implements ConnectionListener {

    private static final String[] OPERATIONS = {"select", "insert", "update", "delete", "ddl", "other"};

    private final Map<String, Timer> success = new HashMap<>();
    private final Map<String, Timer> error = new HashMap<>();

    StatementTimerListener(MeterRegistry registry, String engineName) {
        for (String op : OPERATIONS) {
            success.put(op, timer(registry, engineName, op, "success"));
            error.put(op, timer(registry, engineName, op, "error"));
        }
    }

    private static Timer timer(MeterRegistry registry, String engine, String op, String outcome) {
        return Timer.builder("retort.statements").tag("engine", engine).tag("operation", op).tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public void afterCursorExecute(CursorEvent e) {
        Duration elapsed = e.elapsed();
        if (elapsed != null) {
            success.get(e.operation()).record(elapsed);
        }
    }

    @Override
    public void handleError(ErrorEvent e) {
        error.get("other").record(Duration.ZERO);
    }
}
