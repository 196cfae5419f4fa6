package dev.retort.engine.pool;

import dev.retort.engine.exc.ArgumentException;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The pool settings of an engine, validated in one place for every way of configuring it ({@code Engine.Builder},
 * Spring Boot properties): SQLAlchemy's {@code pool_size}, {@code max_overflow}, {@code pool_timeout},
 * {@code pool_recycle} and {@code pool_pre_ping}.
 *
 * @param poolSize connections kept open when idle; at least 1
 * @param maxOverflow connections allowed beyond {@code poolSize}, closed again when they come back while
 *        {@code poolSize} connections are idle; 0 or more
 * @param timeout the longest a checkout takes, waiting for a free connection included; at least 250 ms
 * @param recycle connections older than this are replaced at checkout; {@code null} or zero: never
 * @param prePing whether a connection is tested at checkout and replaced transparently when dead
 */
public record PoolSettings(int poolSize, int maxOverflow, Duration timeout, @Nullable Duration recycle,
        boolean prePing) {

    /** The shortest {@code timeout} accepted (HikariCP's floor). */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(250);

    /**
     * Validates the settings; a zero {@code recycle} is normalised to {@code null} (never).
     *
     * @throws ArgumentException when a setting makes no sense; the message names it and the fix
     */
    public PoolSettings {
        Objects.requireNonNull(timeout, "timeout");
        Invalid invalid = check(poolSize, maxOverflow, timeout, recycle);
        if (invalid != null) {
            throw new ArgumentException(invalid.message());
        }
        if (recycle != null && recycle.isZero()) {
            recycle = null;
        }
    }

    /**
     * A setting that is out of range.
     *
     * @param setting the setting's name: {@code poolSize}, {@code maxOverflow}, {@code poolTimeout} or
     *        {@code poolRecycle}
     * @param message what is wrong and how to fix it
     */
    public record Invalid(String setting, String message) {
    }

    /**
     * Checks settings without building them (for configuration front-ends that report problems per property).
     *
     * @return the first setting out of range, or {@code null} when all are valid
     */
    public static @Nullable Invalid check(int poolSize, int maxOverflow, Duration timeout,
            @Nullable Duration recycle) {
        if (poolSize < 1) {
            return new Invalid("poolSize", "poolSize must be at least 1, was " + poolSize + "; set it to the "
                    + "number of connections to keep open (default 5)");
        }
        if (maxOverflow < 0) {
            return new Invalid("maxOverflow", "maxOverflow must be 0 or more, was " + maxOverflow + "; set it to the "
                    + "number of connections allowed beyond poolSize (default 10)");
        }
        if (timeout.compareTo(MIN_TIMEOUT) < 0) {
            return new Invalid("poolTimeout", "poolTimeout must be at least 250 ms, was " + timeout.toMillis()
                    + " ms; set it to how long a checkout may wait, e.g. 30 s");
        }
        if (recycle != null && recycle.isNegative()) {
            return new Invalid("poolRecycle", "poolRecycle must not be negative, was " + recycle + "; leave it "
                    + "unset (or zero) for never, or set a connection age such as 30 minutes");
        }
        return null;
    }
}
