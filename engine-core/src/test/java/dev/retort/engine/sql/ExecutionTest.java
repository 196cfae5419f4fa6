package dev.retort.engine.sql;

import static dev.retort.engine.Sql.bindparam;
import static dev.retort.engine.Sql.delete;
import static dev.retort.engine.Sql.func;
import static dev.retort.engine.Sql.insert;
import static dev.retort.engine.Sql.select;
import static dev.retort.engine.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Result;
import dev.retort.engine.Row;
import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.exc.InvalidRequestException;
import dev.retort.engine.schema.MetaData;
import dev.retort.engine.testing.OnEachDatabase;
import dev.retort.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/** Every statement kind executed on H2, PostgreSQL and MariaDB, with the rows checked in the database. */
class ExecutionTest {

    private final MetaData metadata = new MetaData();
    private final SampleTables.Users users = new SampleTables.Users(metadata, "expr_users");
    private final SampleTables.Addresses addresses = new SampleTables.Addresses(metadata, "expr_addresses",
            "expr_users");

    private Engine engine(TestDatabase db) {
        Engine engine = db.engine();
        metadata.dropAll(engine);
        metadata.createAll(engine);
        return engine;
    }

    private static List<Object> names(Connection c, SampleTables.Users users) {
        return c.execute(select(users.name).orderBy(users.id)).scalars().all();
    }

    @OnEachDatabase
    void insertReportsThePrimaryKeyAndSelectReadsTypedValues(TestDatabase db) {
        try (Engine engine = engine(db); Connection c = engine.connect()) {
            Result ins = c.execute(insert(users).values(Map.of("name", "bob", "email", "b@x")));
            assertThat(ins.rowCount()).isEqualTo(1);
            assertThat(ins.returnsRows()).isFalse();
            Integer id = ins.insertedPrimaryKey().orElseThrow().get(users.id);
            assertThat(id).isNotNull();
            Row row = c.execute(select(users).where(users.id.eq(id))).one();
            assertThat(row.get(users.id)).isEqualTo(id);
            assertThat(row.get(users.name)).isEqualTo("bob");
            assertThat(row.get("email")).isEqualTo("b@x");
            assertThat(row.keys()).containsExactly("id", "name", "email", "status");
            assertThat(c.execute(select(users).where(users.id.eq(id))).keys())
                    .containsExactly("id", "name", "email", "status");
            Result supplied = c.execute(insert(users).values(users.id, 100).values(users.name, "given"));
            assertThat(supplied.insertedPrimaryKey().orElseThrow().get(users.id)).isEqualTo(100);
            c.commit();
        }
    }

    @OnEachDatabase
    void executemanyInsertsAndUpdatesInOneBatch(TestDatabase db) {
        try (Engine engine = engine(db); Connection c = engine.connect()) {
            Result many = c.execute(users.insert(), List.of(Map.of("name", "a"), Map.of("name", "b"),
                    Map.of("name", "c")));
            assertThat(many.rowCount()).isEqualTo(3);
            assertThat(many.insertedPrimaryKey()).isEmpty();
            List<Object> ids = c.execute(select(users.id).orderBy(users.id)).scalars().all();
            Result upd = c.execute(update(users).where(users.id.eq(bindparam("uid"))).values(users.name,
                    bindparam("n")), List.of(Map.of("uid", ids.get(0), "n", "A"), Map.of("n", "C", "uid", ids.get(2))));
            assertThat(upd.rowCount()).isEqualTo(2);
            assertThat(names(c, users)).containsExactly("A", "b", "C");
            assertThatThrownBy(() -> c.execute(update(users).where(users.id.eq(bindparam("uid"))).values(users.name,
                    bindparam("n")), List.of(Map.of("uid", 1, "n", "x"), Map.of("uid", 2))))
                    .isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("A value is required for bind parameter 'n', in parameter group 1");
            c.rollback();
        }
    }

    @OnEachDatabase
    void updateDeleteAndAggregates(TestDatabase db) {
        try (Engine engine = engine(db); Connection c = engine.connect()) {
            c.execute(users.insert(), List.of(Map.of("name", "a", "status", "new"), Map.of("name", "b", "status", "x"),
                    Map.of("name", "c", "status", "new")));
            assertThat(c.execute(update(users).where(users.status.eq("new")).values(users.status, "old")).rowCount())
                    .isEqualTo(2);
            // a parameter naming a column values() sets overrides its value; one naming an unset column adds it
            assertThat(c.execute(update(users).where(users.name.eq("c")).values(users.status, "old"), Map.of(
                    "status", "newer")).rowCount()).isEqualTo(1);
            c.execute(update(users).where(users.name.eq("c")).values(users.status, "old"), Map.of("email", "c@x"));
            assertThat(c.execute(select(users.status, users.email).where(users.name.eq("c"))).one().toList())
                    .containsExactly("old", "c@x");
            c.execute(update(users).where(users.name.eq("c")).values(users.status, "old"), Map.of("status", "newest"));
            assertThat(c.execute(select(users.status).where(users.name.eq("c"))).scalar()).isEqualTo("newest");
            assertThat(c.execute(delete(users).where(users.name.eq("b"))).rowCount()).isEqualTo(1);
            Long count = c.execute(select(func.count(users.id))).scalar(Long.class);
            assertThat(count).isEqualTo(2L);
            assertThat(c.execute(select(func.count(users.id))).scalarOne()).isInstanceOf(Long.class).isEqualTo(2L);
            Row maxRow = c.execute(select(func.max(users.name), func.count())).one();
            assertThat(maxRow.keys()).containsExactly("max_1", "count_1");
            assertThat(maxRow.get(func.max(users.name))).isEqualTo("c");
            assertThat(c.execute(select(users.name).where(users.status.isNull())).all()).isEmpty();
            assertThatThrownBy(() -> c.execute(users.insert(), List.of(Map.of("name", "a", "status", "s"),
                    Map.of("name", "b")))).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("'status', in parameter group 1");
            assertThat(c.execute(select(users.name).where(users.id.in(List.of())).orderBy(users.name)).all()).isEmpty();
            assertThat(c.execute(select(users.name).where(users.name.in(List.of("a", "c", "z"))).orderBy(users.name))
                    .scalars().all()).containsExactly("a", "c");
            assertThat(c.execute(select(users.name).where(users.name.notIn(List.of())).orderBy(users.name))
                    .scalars().all()).containsExactly("a", "c");
            assertThat(c.execute(select(users.name).where(users.name.ilike("A")).orderBy(users.name)).scalars().all())
                    .containsExactly("a");
            assertThat(c.execute(select(users.name.concat("!")).orderBy(users.name)).scalars().all())
                    .containsExactly("a!", "c!");
            assertThat(c.execute(select(users.name).orderBy(users.name.desc()).limit(1).offset(1)).scalars().all())
                    .containsExactly("a");
            assertThatThrownBy(() -> c.execute(select(users.name)).first().orElseThrow().get(users.id))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("expr_users.id");
            c.rollback();
        }
    }

    @OnEachDatabase
    void joinsSubqueriesAndCorrelatedSubqueries(TestDatabase db) {
        try (Engine engine = engine(db); Connection c = engine.connect()) {
            Integer bob = c.execute(insert(users).values(users.name, "bob")).insertedPrimaryKey().orElseThrow()
                    .get(users.id);
            c.execute(insert(users).values(users.name, "ann"));
            c.execute(addresses.insert(), List.of(Map.of("user_id", bob, "email", "b1"), Map.of("user_id", bob,
                    "email", "b2")));
            assertThat(c.execute(select(users.name, addresses.email).join(addresses).orderBy(addresses.email))
                    .all()).extracting(Row::toList).containsExactly(List.of("bob", "b1"), List.of("bob", "b2"));
            assertThat(c.execute(select(users.name, addresses.email).selectFrom(users.outerJoin(addresses))
                    .where(addresses.email.isNull())).scalars().all()).containsExactly("ann");
            Subquery sub = select(users).where(users.name.eq("bob")).subquery();
            assertThat(c.execute(select(sub).where(sub.c("id").eq(bob))).one().get("name")).isEqualTo("bob");
            Subquery pairs = select(users.id, addresses.id).join(addresses).subquery(); // two columns named id
            ColumnElement<Integer> addressId = pairs.c(addresses.id);
            List<Object> addressIds = c.execute(select(addresses.id).orderBy(addresses.id)).scalars().all();
            assertThat(c.execute(select(addressId).orderBy(addressId)).scalars().all()).isEqualTo(addressIds);
            assertThat(c.execute(select(pairs).where(addressId.eq((Integer) addressIds.get(1)))).one().toList())
                    .containsExactly(bob, addressIds.get(1));
            ColumnElement<Object> count = select(func.count(addresses.id)).where(addresses.userId.eq(users.id))
                    .scalarSubquery();
            assertThat(c.execute(select(users.name, count.label("n")).orderBy(users.name)).all())
                    .extracting(r -> r.get("n", Long.class)).containsExactly(0L, 2L);
            c.rollback();
        }
    }

    @OnEachDatabase
    void upsertsAndReturning(TestDatabase db) {
        try (Engine engine = engine(db); Connection c = engine.connect()) {
            c.execute(insert(users).values(users.id, 1).values(users.name, "a"));
            c.execute(insert(users).values(users.id, 1).values(users.name, "ignored").onConflictDoNothing());
            assertThat(names(c, users)).containsExactly("a");
            c.execute(insert(users).values(users.id, 1).values(users.name, "b").onConflictDoUpdate());
            c.execute(insert(users).values(users.id, 2).values(users.name, "new").onConflictDoUpdate());
            assertThat(names(c, users)).containsExactly("b", "new");
            Row returned = c.execute(insert(users).values(users.id, 3).values(users.name, "r").returning(users.id,
                    users.name)).one();
            assertThat(returned.get(users.id)).isEqualTo(3);
            assertThat(returned.get(users.name)).isEqualTo("r");
            Row deleted = c.execute(delete(users).where(users.id.eq(3)).returning(users.name)).one();
            assertThat(deleted.get(users.name)).isEqualTo("r");
            if (!db.isMariadb()) {
                assertThat(c.execute(update(users).where(users.id.eq(2)).values(users.name, "u").returning(users.name))
                        .scalarOne()).isEqualTo("u");
            }
            c.rollback();
        }
    }
}
