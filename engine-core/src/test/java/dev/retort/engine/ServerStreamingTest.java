package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code stream_results} / {@code yield_per} on the servers: a million rows pass through with the heap in use (after a
 * GC, probed while iterating) far below what the driver would need to buffer them. PostgreSQL's cursor fetch needs a
 * transaction and a fetch size (the engine autobegins); MariaDB Connector/J streams with a positive fetch size. Each
 * server also runs the query without streaming, to show the probe sees the driver buffering.
 */
class ServerStreamingTest {

    private static final int ROWS = 1_000_000;
    /** A buffered million rows of ~110 bytes take well over 100 MB in either driver. */
    private static final long BOUND = 40L * 1024 * 1024;

    private static final TextClause PG_ROWS = Sql.text(
            "SELECT n, repeat('x', 100) AS pad FROM generate_series(1, :n) AS n");
    private static final TextClause MARIADB_ROWS = Sql.text(
            "SELECT seq AS n, REPEAT('x', 100) AS pad FROM seq_1_to_1000000 WHERE seq <= :n");

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Iterates every row and returns the largest heap growth seen at four checkpoints. */
    private static long peakGrowthWhileIterating(TestDatabase db, TextClause query, ExecutionOptions options) {
        try (Engine engine = db.engine(); Connection conn = engine.connect()) {
            long baseline = usedAfterGc();
            long peak = 0;
            long count = 0;
            long sum = 0;
            Result result = conn.execute(query, Map.of("n", ROWS), options);
            for (Row row : result) {
                count++;
                sum += ((Number) row.get(0)).longValue();
                if (count % 250_000 == 0) {
                    peak = Math.max(peak, usedAfterGc() - baseline);
                }
            }
            assertThat(count).isEqualTo(ROWS);
            assertThat(sum).isEqualTo((long) ROWS * (ROWS + 1) / 2);
            assertThat(result.isClosed()).isTrue();
            return peak;
        }
    }

    @Test
    void postgresqlStreamsAMillionRowsInBoundedHeap() {
        long peak = peakGrowthWhileIterating(TestDatabase.POSTGRESQL, PG_ROWS,
                ExecutionOptions.empty().withYieldPer(1000));
        assertThat(peak).as("heap growth while streaming from PostgreSQL").isLessThan(BOUND);
    }

    @Test
    void postgresqlWithoutStreamingBuffersEveryRow() {
        long peak = peakGrowthWhileIterating(TestDatabase.POSTGRESQL, PG_ROWS, ExecutionOptions.empty());
        assertThat(peak).as("heap growth when pgjdbc buffers the result").isGreaterThan(BOUND);
    }

    @Test
    void mariadbStreamsAMillionRowsInBoundedHeap() {
        long peak = peakGrowthWhileIterating(TestDatabase.MARIADB, MARIADB_ROWS,
                ExecutionOptions.empty().withStreamResults(true).withMaxRowBuffer(500));
        assertThat(peak).as("heap growth while streaming from MariaDB").isLessThan(BOUND);
    }

    @Test
    void mariadbWithoutStreamingBuffersEveryRow() {
        long peak = peakGrowthWhileIterating(TestDatabase.MARIADB, MARIADB_ROWS, ExecutionOptions.empty());
        assertThat(peak).as("heap growth when Connector/J buffers the result").isGreaterThan(BOUND);
    }
}
