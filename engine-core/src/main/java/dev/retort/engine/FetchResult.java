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

    FetchResult() {
    }

    /** The next row of the cursor, or {@code null} when it is exhausted. */
    abstract @Nullable Row nextRow();

    /** Turns a row into an element. */
    abstract T element(Row row);

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
        Row row = nextRow();
        return row == null ? null : element(row);
    }

    /** Up to {@code size} next elements; an empty list when exhausted. */
    public List<T> fetchMany(int size) {
        List<T> out = new ArrayList<>(Math.min(size, 1024));
        try {
            for (int i = 0; i < size; i++) {
                Row row = nextRow();
                if (row == null) {
                    break;
                }
                out.add(element(row));
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
            for (Row row = nextRow(); row != null; row = nextRow()) {
                out.add(element(row));
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
            Row row = nextRow();
            return row == null ? Optional.empty() : Optional.ofNullable(element(row));
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
            Row row = nextRow();
            if (row == null) {
                throw new NoResultFoundException("No row was found when one was required");
            }
            if (nextRow() != null) {
                throw new MultipleResultsFoundException("Multiple rows were found when exactly one was required");
            }
            return element(row);
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
            Row row = nextRow();
            if (row == null) {
                return Optional.empty();
            }
            if (nextRow() != null) {
                throw new MultipleResultsFoundException("Multiple rows were found when one or none was required");
            }
            return Optional.ofNullable(element(row));
        } finally {
            close();
        }
    }

    /** Iterates the remaining elements; exhausting the iterator closes the cursor. */
    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private @Nullable Row next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    next = nextRow();
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = next;
                next = null;
                return element(row);
            }
        };
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
