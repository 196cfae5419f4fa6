package dev.retort.engine;

/**
 * A function over a resource that may throw any exception; used by {@link Engine#inTransaction} and
 * {@link Engine#withConnection}.
 *
 * @param <T> the resource type
 * @param <R> the result type
 */
@FunctionalInterface
public interface SqlFunction<T, R> {
    /** Applies the function. */
    R apply(T t) throws Exception;
}
