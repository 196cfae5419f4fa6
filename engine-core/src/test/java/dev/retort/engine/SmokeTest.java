package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void commitAsYouGoPersistsRows() {
        try (Engine engine = Engine.create("h2:mem:smoke")) {
            try (Connection conn = engine.connect()) {
                conn.execute(Sql.text("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20))"));
                conn.execute(Sql.text("INSERT INTO t VALUES (:id, :name)"), Map.of("id", 1, "name", "a"));
                conn.commit();
            }
            assertThat(engine.scalar(Sql.text("SELECT name FROM t WHERE id = :id"), Map.of("id", 1))).isEqualTo("a");
        }
    }
}
