package dev.retort.bench;

import java.util.List;

/**
 * The five workloads, written once per library in that library's own idiom. Every implementation runs the same SQL
 * against the same pool settings.
 */
public interface Workload extends AutoCloseable {

    String SELECT_BY_ID = "SELECT id, name, email, age, active, created FROM users WHERE id = ?";
    String SELECT_RANGE = "SELECT id, name, email, age, active, created FROM users WHERE id BETWEEN ? AND ? ORDER BY id";
    String SELECT_ALL = "SELECT id, name, email, age, active, created FROM users";
    String INSERT = "INSERT INTO users (name, email, age, active, created) VALUES (?, ?, ?, ?, ?)";

    /** Rows per batch in {@code batchInsert1000} and per range in {@code fetch1000}. */
    int BATCH = 1000;
    /** Fetch size in {@code streamAll}. */
    int FETCH_SIZE = 500;

    /** One row by id, all columns, mapped to a record. */
    User pointSelect(long id) throws Exception;

    /** {@link #BATCH} rows from {@code firstId}, all columns, into a list. */
    List<User> fetch1000(long firstId) throws Exception;

    /** {@code users} inserted as one batch inside one transaction; returns the rows inserted. */
    long batchInsert1000(List<User> users) throws Exception;

    /** Begin, insert one row, read it back, commit. */
    User txRoundTrip(User user) throws Exception;

    /** Streams every row with fetch size {@link #FETCH_SIZE}, summing {@code age}; nothing materialised. */
    long streamAll() throws Exception;

    @Override
    void close() throws Exception;
}
