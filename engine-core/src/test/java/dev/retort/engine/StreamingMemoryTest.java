package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Streaming a million rows keeps memory flat: the heap in use after a GC, measured while iterating, stays far below
 * what holding the rows would take. The same probe run over a buffered copy of a fraction of the rows shows it can
 * see buffering.
 */
class StreamingMemoryTest {

    private static final int ROWS = 1_000_000;
    private static final long BOUND = 32L * 1024 * 1024;
    private static final TextClause WIDE = Sql.text("SELECT X, REPEAT('x', 100) AS PAD FROM SYSTEM_RANGE(1, :n)");

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void streamingAMillionRowsKeepsTheHeapFlat() {
        try (Engine engine = Engine.create("h2:mem:stream;LAZY_QUERY_EXECUTION=TRUE"); Connection c = engine.connect()) {
            long baseline = usedAfterGc();
            long peak = 0;
            long count = 0;
            long sum = 0;
            Result result = c.execute(WIDE, java.util.Map.of("n", ROWS),
                    ExecutionOptions.empty().withStreamResults(true).withMaxRowBuffer(500));
            for (Row row : result) {
                count++;
                sum += row.get(0, Long.class);
                if (count % 250_000 == 0) {
                    peak = Math.max(peak, usedAfterGc() - baseline);
                }
            }
            assertThat(count).isEqualTo(ROWS);
            assertThat(sum).isEqualTo((long) ROWS * (ROWS + 1) / 2);
            assertThat(result.isClosed()).isTrue();
            assertThat(peak).as("heap growth while streaming").isLessThan(BOUND);
        }
    }

    @Test
    void theProbeSeesRowsThatAreHeld() {
        try (Engine engine = Engine.create("h2:mem:stream2;LAZY_QUERY_EXECUTION=TRUE");
                Connection c = engine.connect()) {
            long baseline = usedAfterGc();
            List<Row> held = new ArrayList<>();
            for (Row row : c.execute(WIDE, java.util.Map.of("n", ROWS))) {
                held.add(row);
            }
            long grown = usedAfterGc() - baseline;
            assertThat(held).hasSize(ROWS);
            assertThat(grown).as("heap growth when the rows are held").isGreaterThan(BOUND);
        }
    }
}
