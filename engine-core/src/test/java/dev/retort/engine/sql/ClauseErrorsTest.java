package dev.retort.engine.sql;

import static dev.retort.engine.Sql.bindparam;
import static dev.retort.engine.Sql.insert;
import static dev.retort.engine.Sql.select;
import static dev.retort.engine.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.ClauseStatement;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.ExecutionOptions;
import dev.retort.engine.IsolationLevel;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.exc.ArgumentException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expression language's argument errors: each names the problem and the fix. */
class ClauseErrorsTest {

    private final SampleTables t = new SampleTables();

    private Engine h2() {
        Engine engine = Engine.create("h2:mem:errors");
        t.metadata.createAll(engine);
        return engine;
    }

    @Test
    void aMissingBindValueIsNamed() {
        try (Engine engine = h2(); Connection c = engine.connect()) {
            assertThatThrownBy(() -> c.execute(select(t.users).where(t.users.id.eq(bindparam("uid")))))
                    .isInstanceOf(ArgumentException.class)
                    .hasMessageStartingWith("A value is required for bind parameter 'uid'");
            assertThat(c.execute(select(t.users).where(t.users.id.eq(bindparam("uid"))), Map.of("uid", 1)).all())
                    .isEmpty();
        }
    }

    @Test
    void expandingInAndReturningRefuseExecutemany() {
        try (Engine engine = h2(); Connection c = engine.connect()) {
            List<Map<String, Object>> sets = List.of(Map.of("ids", List.of(1), "n", "a"), Map.of("ids", List.of(2),
                    "n", "b"));
            assertThatThrownBy(() -> c.execute(update(t.users).where(t.users.id.in(bindparam("ids"))).values(t.users
                    .name, bindparam("n")), sets)).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("executemany");
            assertThatThrownBy(() -> c.execute(insert(t.users).returning(t.users.id), List.of(Map.of("name", "a"),
                    Map.of("name", "b")))).isInstanceOf(ArgumentException.class).hasMessageContaining("RETURNING")
                    .hasMessageContaining("executemany");
            assertThat(c.execute(select(t.users.id).where(t.users.id.in(bindparam("ids"))), Map.of("ids",
                    List.of(1, 2))).all()).isEmpty();
        }
    }

    @Test
    void isolationLevelIsNotAStatementOption() {
        assertThatThrownBy(() -> select(t.users).executionOptions(ExecutionOptions.empty().withIsolationLevel(
                IsolationLevel.SERIALIZABLE))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("isolation_level");
    }

    @Test
    void onlyTheExpressionLanguagesStatementsExecute() {
        ClauseStatement foreign = new ClauseStatement() {
            @Override
            public Compiled compile(Dialect dialect) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Compiled compile(Engine engine) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ClauseStatement executionOptions(ExecutionOptions options) {
                return this;
            }

            @Override
            public ExecutionOptions executionOptions() {
                return ExecutionOptions.empty();
            }
        };
        try (Engine engine = h2(); Connection c = engine.connect()) {
            assertThatThrownBy(() -> c.execute(foreign)).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("is not executable");
        }
    }

    @Test
    void upsertsNeedADialectThatHasThem() {
        Insert up = insert(t.users).values(t.users.id, 1).onConflictDoNothing();
        assertThatThrownBy(() -> up.compile(new dev.retort.engine.dialect.GenericDialect("sqlite")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("upsert");
    }
}
