package dev.retort.engine;

import dev.retort.engine.exc.MultipleResultsFoundException;
import dev.retort.engine.exc.NoResultFoundException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The fetch methods shared by {@link Result}, {@link ScalarResult} and {@link MappingResult}, SQLAlchemy's
 * {@code FilterResult}: each turns the next row of the underlying cursor into an element.
 *
 * @param <T> the element type
 */
public abstract class FetchResult<T> implements Iterable<T>, AutoCloseable {

    /** What {@link #nextElement()} returns when the cursor is exhausted (an element itself may be {@code null}). */
    static final Object END = new Object();

    FetchResult() {
    }

    /**
     * The next element read from the cursor, or {@link #END} when it is exhausted. Each subclass reads only what its
     * element needs (a scalar result reads one column, not a whole {@code Row}).
     */
    abstract @Nullable Object nextElement();

    @SuppressWarnings("unchecked")
    private static <T> T element(@Nullable Object next) {
        return (T) next;
    }

    /** Closes the underlying result and its cursor. */
    @Override
    public abstract void close();

    /**
     * A conversion or mapping failed mid-fetch: release the cursor (and a connectionless result's connection) rather
     * than leave them to the caller, but keep a closed result's own error.
     */
    private void closeAfterError() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // the original error is the one to report
        }
    }

    /** The next element, or {@code null} when there is none. */
    public @Nullable T fetchOne() {
        Object next = nextElement();
        return next == END ? null : element(next);
    }

    /** Up to {@code size} next elements; an empty list when exhausted. */
    public List<T> fetchMany(int size) {
        List<T> out = new ArrayList<>(Math.min(size, 1024));
        try {
            for (int i = 0; i < size; i++) {
                Object next = nextElement();
                if (next == END) {
                    break;
                }
                out.add(element(next));
            }
        } catch (RuntimeException | Error e) {
            closeAfterError();
            throw e;
        }
        return out;
    }

    /** Every remaining element. */
    public List<T> fetchAll() {
        List<T> out = new ArrayList<>();
        try {
            for (Object next = nextElement(); next != END; next = nextElement()) {
                out.add(element(next));
            }
        } catch (RuntimeException | Error e) {
            closeAfterError();
            throw e;
        }
        return out;
    }

    /** Every remaining element (same as {@link #fetchAll()}). */
    public List<T> all() {
        return fetchAll();
    }

    /** The first element, if any; the result is closed afterwards. */
    public Optional<T> first() {
        try {
            Object next = nextElement();
            return next == END ? Optional.empty() : Optional.ofNullable(element(next));
        } finally {
            close();
        }
    }

    /**
     * Exactly one element; the result is closed afterwards.
     *
     * @throws NoResultFoundException when there is none
     * @throws MultipleResultsFoundException when there are several
     */
    public T one() {
        try {
            Object next = nextElement();
            if (next == END) {
                throw noResult();
            }
            if (nextElement() != END) {
                throw multipleResults();
            }
            return element(next);
        } finally {
            close();
        }
    }

    /**
     * At most one element; the result is closed afterwards.
     *
     * @throws MultipleResultsFoundException when there are several
     */
    public Optional<T> oneOrNone() {
        try {
            Object next = nextElement();
            if (next == END) {
                return Optional.empty();
            }
            if (nextElement() != END) {
                throw multipleResultsForOneOrNone();
            }
            return Optional.ofNullable(element(next));
        } finally {
            close();
        }
    }

    /** Iterates the remaining elements; exhausting the iterator closes the cursor. */
    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private @Nullable Object next = END;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == END && !done) {
                    next = nextElement();
                    done = next == END;
                }
                return next != END;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object element = next;
                next = END;
                return element(element);
            }
        };
    }

    static NoResultFoundException noResult() {
        return new NoResultFoundException("No row was found when one was required");
    }

    static MultipleResultsFoundException multipleResults() {
        return new MultipleResultsFoundException("Multiple rows were found when exactly one was required");
    }

    static MultipleResultsFoundException multipleResultsForOneOrNone() {
        return new MultipleResultsFoundException("Multiple rows were found when one or none was required");
    }

    /** A sequential stream of the remaining elements; closing the stream closes the result. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /** The remaining elements in lists of {@code size}; the last may be shorter. */
    public Iterable<List<T>> partitions(int size) {
        if (size <= 0) {
            throw new dev.retort.engine.exc.ArgumentException("Partition size must be positive, was " + size);
        }
        return () -> new Iterator<>() {
            private @Nullable List<T> next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    List<T> chunk = fetchMany(size);
                    next = chunk.isEmpty() ? null : chunk;
                }
                return next != null;
            }

            @Override
            public List<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<T> chunk = next;
                next = null;
                return chunk;
            }
        };
    }
}
