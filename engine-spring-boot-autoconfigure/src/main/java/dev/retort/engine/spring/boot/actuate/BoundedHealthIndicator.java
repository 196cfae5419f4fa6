package dev.retort.engine.spring.boot.actuate;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Another health indicator, answering {@code DOWN} when it has no answer within the timeout. */
final class BoundedHealthIndicator implements HealthIndicator {

    private final InFlightCheck<Health> check;

    BoundedHealthIndicator(String name, HealthIndicator delegate, Duration timeout) {
        this.check = new InFlightCheck<>("retort-health-" + name, timeout, () -> delegate.health(true));
    }

    @Override
    public Health health() {
        try {
            return check.get();
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "No answer from the database within "
                    + check.timeout().toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("error", String.valueOf(e.getCause())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "Interrupted while waiting for the database").build();
        }
    }
}
