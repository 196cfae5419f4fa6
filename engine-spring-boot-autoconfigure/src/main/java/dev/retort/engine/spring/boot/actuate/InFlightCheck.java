package dev.retort.engine.spring.boot.actuate;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A database check that never holds its caller beyond a timeout: it runs on its own daemon thread, and callers
 * wait for it until {@code timeout} after it started (at least a short grace period, so a check that is just
 * finishing is seen). While one is in flight, callers share it instead of starting more threads, so at most one
 * thread per check is ever stuck on a dead database or an exhausted pool, and two health contributors over the same
 * database wait once, not twice.
 */
final class InFlightCheck<T> {

    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private record Attempt<T>(CompletableFuture<T> result, long startNanos) {
    }

    private final String threadName;
    private final Duration timeout;
    private final Callable<T> check;
    private final AtomicReference<@Nullable Attempt<T>> current = new AtomicReference<>();

    InFlightCheck(String threadName, Duration timeout, Callable<T> check) {
        this.threadName = threadName;
        this.timeout = timeout;
        this.check = check;
    }

    /** The check's answer, waiting at most until {@code timeout} after the check in flight started. */
    T get() throws TimeoutException, ExecutionException, InterruptedException {
        Attempt<T> attempt = attempt();
        long left = timeout.toNanos() - (System.nanoTime() - attempt.startNanos());
        return attempt.result().get(Math.max(left, Math.min(GRACE_NANOS, timeout.toNanos())), TimeUnit.NANOSECONDS);
    }

    Duration timeout() {
        return timeout;
    }

    private Attempt<T> attempt() {
        while (true) {
            Attempt<T> attempt = current.get();
            if (attempt != null && !attempt.result().isDone()) {
                return attempt;
            }
            Attempt<T> next = new Attempt<>(new CompletableFuture<>(), System.nanoTime());
            if (current.compareAndSet(attempt, next)) {
                Thread thread = new Thread(() -> run(next.result()), threadName);
                thread.setDaemon(true);
                thread.start();
                return next;
            }
        }
    }

    private void run(CompletableFuture<T> result) {
        try {
            result.complete(check.call());
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
    }
}
