package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.internal.ParsedSql;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextClauseTest {

    @Test
    void namedParametersBecomePlaceholdersInOrder() {
        ParsedSql parsed = ParsedSql.parseText("SELECT * FROM t WHERE a = :a AND b = :b_2 OR a = :a");
        assertThat(parsed.jdbcSql()).isEqualTo("SELECT * FROM t WHERE a = ? AND b = ? OR a = ?");
        assertThat(parsed.parameterNames()).containsExactly("a", "b_2", "a");
        assertThat(parsed.operation()).isEqualTo(ParsedSql.Operation.SELECT);
    }

    @Test
    void escapedColonsAndCastsAreLeftAlone() {
        ParsedSql parsed = ParsedSql.parseText("SELECT '10\\:30', x::int, :v::text FROM t");
        assertThat(parsed.jdbcSql()).isEqualTo("SELECT '10:30', x::int, ?::text FROM t");
        assertThat(parsed.parameterNames()).containsExactly("v");
    }

    @Test
    void operationIsReadFromTheFirstKeyword() {
        assertThat(ParsedSql.operationOf("  -- c\n/* x */ insert into t values (1)")).isEqualTo(ParsedSql.Operation.INSERT);
        assertThat(ParsedSql.operationOf("(SELECT 1)")).isEqualTo(ParsedSql.Operation.SELECT);
        assertThat(ParsedSql.operationOf("update t set a=1")).isEqualTo(ParsedSql.Operation.UPDATE);
        assertThat(ParsedSql.operationOf("DELETE FROM t")).isEqualTo(ParsedSql.Operation.DELETE);
        assertThat(ParsedSql.operationOf("CREATE TABLE t (a int)")).isEqualTo(ParsedSql.Operation.DDL);
        assertThat(ParsedSql.operationOf("SET x = 1")).isEqualTo(ParsedSql.Operation.OTHER);
    }

    @Test
    void sameNameTwiceAndExtraNamesAreFine() {
        try (Engine engine = Engine.create("h2:mem:text1"); Connection conn = engine.connect()) {
            Object value = conn.scalar(Sql.text("SELECT :x + :x"), Map.of("x", 20, "unused", "ignored"));
            assertThat(((Number) value).intValue()).isEqualTo(40);
        }
    }

    @Test
    void nullValuesAreBoundAndMissingNamesRaise() {
        try (Engine engine = Engine.create("h2:mem:text2"); Connection conn = engine.connect()) {
            Map<String, Object> params = new HashMap<>();
            params.put("x", null);
            assertThat(conn.scalar(Sql.text("SELECT CAST(:x AS INT)"), params)).isNull();
            assertThatThrownBy(() -> conn.execute(Sql.text("SELECT :missing, :x"), params))
                    .isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("A value is required for bind parameter 'missing'")
                    .hasMessageContaining("[SQL: SELECT ?, ?]");
        }
    }

    @Test
    void isolationLevelIsRefusedOnAStatement() {
        assertThatThrownBy(() -> Sql.text("SELECT 1")
                .executionOptions(ExecutionOptions.empty().withIsolationLevel(IsolationLevel.SERIALIZABLE)))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("'isolation_level' execution option may only be specified on "
                        + "Connection.executionOptions()");
    }

    @Test
    void queryCacheIsBoundedAndCanBeDisabled() {
        try (Engine engine = Engine.builder("h2:mem:text3").queryCacheSize(2).build();
                Connection conn = engine.connect()) {
            for (int i = 0; i < 5; i++) {
                conn.execute(Sql.text("SELECT " + i + " + :p"), Map.of("p", 1));
            }
            assertThat(engine.core.queryCache.size()).isEqualTo(2);
        }
        try (Engine engine = Engine.builder("h2:mem:text4").queryCacheSize(0).build();
                Connection conn = engine.connect()) {
            conn.execute(Sql.text("SELECT :p"), Map.of("p", 1));
            assertThat(engine.core.queryCache.size()).isZero();
            assertThat(conn.scalars(Sql.text("SELECT X FROM SYSTEM_RANGE(1, 3)")).all()).hasSize(3);
        }
    }

    @Test
    void noParametersRunsAPlainStatementSoQuestionMarksStayLiteral() {
        try (Engine engine = Engine.create("h2:mem:text5"); Connection conn = engine.connect()) {
            Result r = conn.execute(Sql.text("SELECT '?' || '%'"), Map.of(),
                    ExecutionOptions.empty().withNoParameters(true));
            assertThat(r.scalar()).isEqualTo("?%");
            assertThat(conn.execDriverSql("SELECT ? || ?", "a", "b").scalar()).isEqualTo("ab");
            assertThat(conn.execDriverSql("SELECT CAST(? AS INT)", List.<Object[]>of(new Object[] {1}).get(0))
                    .scalar()).isEqualTo(1);
        }
    }
}
