package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.retort.engine.exc.DataException;
import dev.retort.engine.exc.ProgrammingException;
import dev.retort.engine.exc.StatementException;
import dev.retort.engine.testing.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Error messages stay small however big the statement and its parameters (SQLAlchemy's display limits). */
class MessageTruncationTest {

    private Engine engine;
    private Connection conn;

    @BeforeEach
    void setUp() {
        engine = TestDatabase.H2.engine();
        conn = engine.connect();
        conn.execDriverSql("CREATE TABLE small (id INT PRIMARY KEY, v VARCHAR(10))");
    }

    @AfterEach
    void tearDown() {
        conn.close();
        engine.close();
    }

    @Test
    void aTenMebibyteParameterIsShownAsItsEndsAndTheNumberOfCharactersLeftOut() {
        String huge = "a" + "x".repeat(10 * 1024 * 1024 - 2) + "z";
        Throwable error = catchThrowable(() -> conn.execute(Sql.text("INSERT INTO small VALUES (1, :v)"),
                Map.of("v", huge)));
        assertThat(error).isInstanceOf(DataException.class);
        assertThat(error.getMessage()).hasSizeLessThan(5_000)
                .contains("[parameters: {v=axxx")
                .contains(" ... (" + (huge.length() - 300) + " characters truncated) ... ")
                .contains("xxz}]");
        assertThat(((StatementException) error).parameters()).isEqualTo(Map.of("v", huge));
    }

    @Test
    void seventyThousandParametersShowTheFirstAndLastFiftyAndALongStatementItsEnds() {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM no_such_table WHERE id IN (");
        for (int i = 0; i < 70_000; i++) {
            sql.append(i == 0 ? ":p" : ", :p").append(i);
            params.put("p" + i, i);
        }
        Throwable error = catchThrowable(() -> conn.execute(Sql.text(sql.append(')').toString()), params));
        assertThat(error).isInstanceOf(ProgrammingException.class);
        String message = error.getMessage();
        assertThat(message).hasSizeLessThan(10_000)
                .contains("p0=0, p1=1")
                .contains("p49=49 ... 69900 parameters truncated ... p69950=69950")
                .contains("p69999=69999}]")
                .containsPattern("\\[SQL: SELECT \\* FROM no_such_table WHERE id IN \\(\\?, \\?.* \\.\\.\\. \\d+ "
                        + "characters truncated \\.\\.\\. .*\\?\\)]")
                .contains("characters truncated");
    }

    @Test
    void anExecutemanyShowsTenOfItsParameterSetsAndHowManyThereWere() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(Map.of("id", i % 20, "v", "v" + i));
        }
        Throwable error = catchThrowable(() -> conn.execute(Sql.text("INSERT INTO small VALUES (:id, :v)"), rows));
        assertThat(error).isInstanceOf(StatementException.class);
        assertThat(error.getMessage()).contains(" ... displaying 10 of 25 total bound parameter sets ... ")
                .doesNotContain("v12");
    }
}
