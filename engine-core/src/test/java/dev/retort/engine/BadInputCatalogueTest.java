package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.exc.DBAPIException;
import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.exc.MultipleResultsFoundException;
import dev.retort.engine.exc.NoResultFoundException;
import dev.retort.engine.exc.ResourceClosedException;
import dev.retort.engine.testing.OnEachDatabase;
import dev.retort.engine.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 13's bad-input catalogue: URLs, settings, options, parameters, misuse after close/commit/rollback/prepare,
 * results and huge values. Each case names the exception type it expects and words the message must contain (what
 * to do), and after each case the database is unchanged: the one row of {@code catalogue} is still the only one.
 */
class BadInputCatalogueTest {

    private static final TextClause INSERT = Sql.text("INSERT INTO catalogue (id, name) VALUES (:id, :name)");

    /** A bad input: what it does, the exception expected and a fragment of the message that says what to do. */
    record Case(String name, Class<? extends Throwable> expected, String hint, Action action) {
    }

    /** The bad call, given an engine on the database under test. */
    interface Action {
        void run(Engine engine) throws Exception;
    }

    private static List<Case> cases(TestDatabase db) {
        List<Case> cases = new ArrayList<>();
        // URLs
        cases.add(new Case("empty URL", ArgumentException.class, "expected e.g.", e -> Engine.create(" ")));
        cases.add(new Case("no host", ArgumentException.class, "has a port but no name",
                e -> Engine.create("postgresql://u@:5432/db")));
        cases.add(new Case("port not a number", ArgumentException.class, "is not a number",
                e -> Engine.create("postgresql://u:pw@h:abc/db")));
        cases.add(new Case("port out of range", ArgumentException.class, "out of range (1-65535)",
                e -> Engine.create("postgresql://u:pw@h:65536/db")));
        cases.add(new Case("unknown dialect", ArgumentException.class, "Known dialects",
                e -> Engine.create("nosuchdb://u@h/db")));
        cases.add(new Case("missing driver", ArgumentException.class, "add com.mysql:mysql-connector-j",
                e -> Engine.create("mysql://u:pw@h:3306/db")));
        // settings
        cases.add(new Case("pool size 0", ArgumentException.class, "set it to the number of connections",
                e -> Engine.builder("h2:mem:cat").poolSize(0).build()));
        cases.add(new Case("negative overflow", ArgumentException.class, "maxOverflow must be 0 or more",
                e -> Engine.builder("h2:mem:cat").maxOverflow(-1).build()));
        cases.add(new Case("tiny pool timeout", ArgumentException.class, "at least 250 ms",
                e -> Engine.builder("h2:mem:cat").poolTimeout(Duration.ofMillis(5)).build()));
        cases.add(new Case("negative recycle", ArgumentException.class, "leave it unset",
                e -> Engine.builder("h2:mem:cat").poolRecycle(Duration.ofSeconds(-1)).build()));
        cases.add(new Case("negative query cache", ArgumentException.class, "queryCacheSize",
                e -> Engine.builder("h2:mem:cat").queryCacheSize(-1).build()));
        // options
        cases.add(new Case("isolation level on a statement", ArgumentException.class,
                "Connection.executionOptions()", e -> {
                    try (Connection c = e.connect()) {
                        c.execute(Sql.text("SELECT 1"), Map.of(),
                                ExecutionOptions.empty().withIsolationLevel(IsolationLevel.SERIALIZABLE));
                    }
                }));
        cases.add(new Case("unknown isolation level", ArgumentException.class, "Valid isolation levels", e -> {
            try (Connection c = e.connect()) {
                c.executionOptions(ExecutionOptions.of(Map.of("isolation_level", "SOMETIMES")));
            }
        }));
        cases.add(new Case("negative timeout", ArgumentException.class, "must not be negative",
                e -> ExecutionOptions.empty().withTimeout(Duration.ofSeconds(-1))));
        cases.add(new Case("non-boolean option", ArgumentException.class, "must be true or false",
                e -> ExecutionOptions.of(Map.of("stream_results", "maybe"))));
        // parameters
        cases.add(new Case("missing parameter", ArgumentException.class, "pass it in the parameter map",
                e -> inTransaction(e, c -> c.execute(INSERT, Map.of("id", 2)))));
        cases.add(new Case("null parameter map with a parameter", ArgumentException.class,
                "A value is required for bind parameter", e -> inTransaction(e, c -> c.execute(INSERT,
                        (Map<String, ?>) null))));
        cases.add(new Case("duplicate key", DBAPIException.class, "",
                e -> inTransaction(e, c -> c.execute(INSERT, Map.of("id", 1, "name", "again")))));
        cases.add(new Case("value too long (1 MiB)", DBAPIException.class, "",
                e -> inTransaction(e, c -> c.execute(INSERT, Map.of("id", 3, "name", "x".repeat(1 << 20))))));
        // misuse
        cases.add(new Case("execute after close", ResourceClosedException.class, "engine.connect()", e -> {
            Connection c = e.connect();
            c.close();
            c.execute(INSERT, Map.of("id", 4, "name", "closed"));
        }));
        cases.add(new Case("connect after engine close", ResourceClosedException.class, "create a new Engine", e -> {
            Engine other = Engine.create(TestDatabase.H2.url());
            other.close();
            other.connect();
        }));
        cases.add(new Case("begin twice", InvalidRequestException.class, "rollback() or commit()", e -> {
            try (Connection c = e.connect()) {
                c.begin();
                c.execute(INSERT, Map.of("id", 5, "name", "twice"));
                c.begin();
            }
        }));
        cases.add(new Case("commit after commit", InvalidRequestException.class, "inactive", e -> {
            try (Connection c = e.connect()) {
                Transaction tx = c.begin();
                tx.commit();
                c.execute(INSERT, Map.of("id", 6, "name", "after"));
                tx.commit();
            }
        }));
        cases.add(new Case("savepoint release after rollback", InvalidRequestException.class, "inactive", e -> {
            try (Connection c = e.connect()) {
                NestedTransaction sp = c.beginNested();
                c.execute(INSERT, Map.of("id", 7, "name", "savepoint"));
                sp.rollback();
                sp.commit();
            }
        }));
        if (!db.isH2()) {
            cases.add(new Case("statement after prepare", InvalidRequestException.class, "", e -> {
                try (Connection c = e.connect()) {
                    TwoPhaseTransaction tx = c.beginTwoPhase();
                    c.execute(INSERT, Map.of("id", 8, "name", "prepared"));
                    tx.prepare();
                    try {
                        c.execute(INSERT, Map.of("id", 9, "name", "after prepare"));
                    } finally {
                        tx.rollback();
                    }
                }
            }));
        }
        cases.add(new Case("begin two-phase inside a transaction", InvalidRequestException.class,
                "already in progress", e -> {
                    try (Connection c = e.connect()) {
                        c.execute(INSERT, Map.of("id", 10, "name", "2pc"));
                        c.beginTwoPhase();
                    }
                }));
        // results
        cases.add(new Case("one() of no rows", NoResultFoundException.class, "", e -> {
            try (Connection c = e.connect()) {
                c.execute(Sql.text("SELECT id FROM catalogue WHERE id < 0")).one();
            }
        }));
        cases.add(new Case("one() of two rows", MultipleResultsFoundException.class, "", e -> {
            try (Connection c = e.connect()) {
                c.execute(Sql.text("SELECT id FROM catalogue UNION ALL SELECT id FROM catalogue")).one();
            }
        }));
        return cases;
    }

    private static void inTransaction(Engine engine, SqlConsumer<Connection> work) {
        engine.useTransaction(work);
    }

    @OnEachDatabase
    void everyBadInputIsATypedErrorThatSaysWhatToDoAndChangesNothing(TestDatabase db) {
        try (Engine engine = db.builder().build()) {
            try (Connection c = engine.connect()) {
                c.execDriverSql("DROP TABLE IF EXISTS catalogue");
                c.execDriverSql("CREATE TABLE catalogue (id INT PRIMARY KEY, name VARCHAR(20))");
                c.execute(INSERT, Map.of("id", 1, "name", "only"));
                c.commit();
            }
            List<String> failures = new ArrayList<>();
            for (Case bad : cases(db)) {
                Throwable error = catchThrowable(() -> bad.action().run(engine));
                if (!bad.expected().isInstance(error)) {
                    failures.add(bad.name() + ": expected " + bad.expected().getSimpleName() + " but got " + error);
                } else if (!error.getMessage().contains(bad.hint())) {
                    failures.add(bad.name() + ": message lacks '" + bad.hint() + "': " + error.getMessage());
                }
                Map<Integer, String> rows = new HashMap<>();
                try (Connection c = engine.connect()) {
                    c.execute(Sql.text("SELECT id, name FROM catalogue")).forEach(row -> rows.put(
                            ((Number) row.get(0)).intValue(), (String) row.get(1)));
                }
                if (!rows.equals(Map.of(1, "only"))) {
                    failures.add(bad.name() + ": the database changed: " + rows);
                }
            }
            assertThat(failures).isEmpty();
            assertThat(engine.pool().checkedOut()).isZero();
        }
    }
}
