package dev.retort.engine;

/**
 * A consumer of a resource that may throw any exception; used by {@link Engine#useTransaction}.
 *
 * @param <T> the resource type
 */
@FunctionalInterface
public interface SqlConsumer<T> {
    /** Consumes the resource. */
    void accept(T t) throws Exception;
}
