package dev.retort.engine.sql;

import static dev.retort.engine.Sql.and;
import static dev.retort.engine.Sql.bindparam;
import static dev.retort.engine.Sql.case_;
import static dev.retort.engine.Sql.delete;
import static dev.retort.engine.Sql.exists;
import static dev.retort.engine.Sql.func;
import static dev.retort.engine.Sql.insert;
import static dev.retort.engine.Sql.literal;
import static dev.retort.engine.Sql.literalColumn;
import static dev.retort.engine.Sql.not;
import static dev.retort.engine.Sql.or;
import static dev.retort.engine.Sql.select;
import static dev.retort.engine.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.DialectRegistry;
import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.schema.Column;
import dev.retort.engine.schema.MetaData;
import dev.retort.engine.schema.Table;
import dev.retort.engine.schema.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact SQL SQLAlchemy 2.0 renders, per dialect: labels, bind names, precedence, negation, joins, DML. */
class CompilerTest {

    private static final Dialect PG = DialectRegistry.get("postgresql");
    private static final Dialect MARIADB = DialectRegistry.get("mariadb");
    private static final Dialect H2 = DialectRegistry.get("h2");

    private final SampleTables t = new SampleTables();
    private final SampleTables.Users users = t.users;
    private final SampleTables.Addresses addresses = t.addresses;

    @Test
    void selectOfATableListsItsColumns() {
        assertThat(select(users).toString()).isEqualTo("SELECT users.id, users.name, users.email, users.status "
                + "FROM users");
        assertThat(users.select().compile(PG).sql()).isEqualTo(select(users).toString());
    }

    @Test
    void comparisonsBindAnonymousParametersNamedAfterTheColumn() {
        Select s = select(users.id, users.name).where(users.id.eq(5));
        assertThat(s.toString()).isEqualTo("SELECT users.id, users.name FROM users WHERE users.id = :id_1");
        Compiled c = s.compile(PG);
        assertThat(c.sql()).isEqualTo("SELECT users.id, users.name FROM users WHERE users.id = ?");
        assertThat(c.parameters()).containsExactly(5);
        assertThat(c.parameterNames()).containsExactly("id_1");
        assertThat(c.toString()).isEqualTo("SELECT users.id, users.name FROM users WHERE users.id = :id_1");
    }

    @Test
    void arithmeticBindsTheColumnKeyAndComparisonOfAnExpressionBindsParam() {
        assertThat(users.id.plus(1).gt(5).toString()).isEqualTo("users.id + :id_1 > :param_1");
        assertThat(users.status.eq((String) null).toString()).isEqualTo("users.status IS NULL");
        assertThat(users.status.isNotNull().toString()).isEqualTo("users.status IS NOT NULL");
        assertThat(users.id.in(List.of(1, 2)).toString()).isEqualTo("users.id IN (:id_1_1, :id_1_2)");
        assertThat(func.coalesce(users.status, "x").eq("y").toString())
                .isEqualTo("coalesce(users.status, :coalesce_1) = :coalesce_2");
        assertThat(users.id.between(1, 5).toString()).isEqualTo("users.id BETWEEN :id_1 AND :id_2");
    }

    @Test
    void labelsAndBindsShareOneCounterPerName() {
        assertThat(select(func.count(users.id)).toString()).isEqualTo("SELECT count(users.id) AS count_1 FROM users");
        assertThat(select(func.count()).selectFrom(users).toString())
                .isEqualTo("SELECT count(*) AS count_1 FROM users");
        assertThat(select(users.id, addresses.id).where(users.id.eq(5)).toString())
                .isEqualTo("SELECT users.id, addresses.id AS id_1 FROM users, addresses WHERE users.id = :id_2");
        assertThat(select(users.id.plus(1)).toString()).isEqualTo("SELECT users.id + :id_1 AS anon_1 FROM users");
        assertThat(select(users.name.label("n")).toString()).isEqualTo("SELECT users.name AS n FROM users");
        assertThat(select(literalColumn("1")).toString()).isEqualTo("SELECT 1");
        assertThat(select(literal(5)).toString()).isEqualTo("SELECT :param_1 AS anon_1");
    }

    @Test
    void limitAndOffsetPerDialect() {
        Select both = select(users.id).limit(10).offset(20);
        assertThat(both.toString()).isEqualTo("SELECT users.id FROM users LIMIT :param_1 OFFSET :param_2");
        assertThat(both.compile(PG).sql()).isEqualTo("SELECT users.id FROM users LIMIT ? OFFSET ?");
        assertThat(both.compile(PG).parameters()).containsExactly(10, 20);
        assertThat(both.compile(H2).sql()).isEqualTo("SELECT users.id FROM users LIMIT ? OFFSET ?");
        assertThat(both.compile(MARIADB).sql()).isEqualTo("SELECT users.id FROM users LIMIT ?, ?");
        assertThat(both.compile(MARIADB).parameters()).containsExactly(20, 10);
        Select offset = select(users.id).offset(20);
        assertThat(offset.compile(PG).sql()).isEqualTo("SELECT users.id FROM users LIMIT ALL OFFSET ?");
        assertThat(offset.compile(MARIADB).sql()).isEqualTo("SELECT users.id FROM users LIMIT ?, 18446744073709551615");
        assertThat(offset.compile(H2).sql()).isEqualTo("SELECT users.id FROM users OFFSET ? ROWS");
        assertThat(select(users.id).limit(3).compile(MARIADB).sql()).isEqualTo("SELECT users.id FROM users LIMIT ?");
    }

    @Test
    void negationAndPrecedence() {
        assertThat(not(users.id.eq(1)).toString()).isEqualTo("users.id != :id_1");
        assertThat(not(users.name.like("a%")).toString()).isEqualTo("users.name NOT LIKE :name_1");
        assertThat(not(users.id.between(1, 2)).toString()).isEqualTo("users.id NOT BETWEEN :id_1 AND :id_2");
        assertThat(not(users.status.isNull()).toString()).isEqualTo("users.status IS NOT NULL");
        assertThat(not(and(users.id.eq(1), users.name.eq("a"))).toString())
                .isEqualTo("NOT (users.id = :id_1 AND users.name = :name_1)");
        assertThat(and(users.id.eq(1), or(users.name.eq("a"), users.name.eq("b"))).toString())
                .isEqualTo("users.id = :id_1 AND (users.name = :name_1 OR users.name = :name_2)");
        assertThat(or(users.id.eq(1), and(users.name.eq("a"), users.name.eq("b"))).toString())
                .isEqualTo("users.id = :id_1 OR users.name = :name_1 AND users.name = :name_2");
        assertThat(users.id.notIn(List.of(1, 2)).toString()).isEqualTo("(users.id NOT IN (:id_1_1, :id_1_2))");
        assertThat(not(users.id.in(List.of(1, 2))).toString()).isEqualTo("(users.id NOT IN (:id_1_1, :id_1_2))");
        assertThat(users.id.in(List.of()).toString()).isEqualTo("users.id IN (NULL) AND (1 != 1)");
        assertThat(users.id.notIn(List.of()).toString()).isEqualTo("(users.id NOT IN (NULL) OR (1 = 1))");
        assertThat(users.id.minus(users.id.minus(1)).toString()).isEqualTo("users.id - (users.id - :id_1)");
    }

    @Test
    void ilikeAndConcatDifferOnMariadb() {
        Select s = select(users.id).where(users.name.ilike("%a%"), users.name.concat("x").eq("ax"));
        assertThat(s.compile(PG).sql()).isEqualTo("SELECT users.id FROM users WHERE users.name ILIKE ? AND "
                + "(users.name || ?) = ?");
        assertThat(s.compile(H2).sql()).isEqualTo(s.compile(PG).sql());
        assertThat(s.compile(MARIADB).sql()).isEqualTo("SELECT users.id FROM users WHERE lower(users.name) LIKE "
                + "lower(?) AND (concat(users.name, ?)) = ?");
    }

    @Test
    void joinsAliasesAndSubqueries() {
        assertThat(select(users.name, addresses.email).selectFrom(users.join(addresses)).toString())
                .isEqualTo("SELECT users.name, addresses.email FROM users JOIN addresses ON users.id = "
                        + "addresses.user_id");
        assertThat(select(users.name, addresses.email).join(addresses).toString())
                .isEqualTo("SELECT users.name, addresses.email FROM users JOIN addresses ON users.id = "
                        + "addresses.user_id");
        assertThat(select(users.name).selectFrom(users.outerJoin(addresses)).toString())
                .isEqualTo("SELECT users.name FROM users LEFT OUTER JOIN addresses ON users.id = addresses.user_id");
        Alias u2 = users.alias("u2");
        assertThat(select(u2.c("id")).where(u2.c("name").eq("x")).toString())
                .isEqualTo("SELECT u2.id FROM users AS u2 WHERE u2.name = :name_1");
        Subquery sub = select(users).where(users.name.eq("x")).subquery();
        assertThat(select(sub).where(sub.c("id").eq(1)).compile(PG).sql())
                .isEqualTo("SELECT anon_1.id, anon_1.name, anon_1.email, anon_1.status FROM (SELECT users.id AS id, "
                        + "users.name AS name, users.email AS email, users.status AS status FROM users WHERE "
                        + "users.name = ?) AS anon_1 WHERE anon_1.id = ?");
    }

    @Test
    void aSubqueryColumnRepeatingANameIsReferencedByItsLabel() {
        Subquery sub = select(users.id, addresses.id).join(addresses).subquery();
        String from = "FROM (SELECT users.id AS id, addresses.id AS id_1 FROM users JOIN addresses ON users.id = "
                + "addresses.user_id) AS anon_1";
        assertThat(select(sub).toString()).isEqualTo("SELECT anon_1.id, anon_1.id_1 " + from);
        assertThat(select(sub.c(addresses.id)).toString()).isEqualTo("SELECT anon_1.id_1 " + from);
        assertThat(select(sub.c(users.id)).toString()).isEqualTo("SELECT anon_1.id " + from);
    }

    @Test
    void scalarSubqueriesCorrelateWithTheEnclosingSelect() {
        ColumnElement<Object> count = select(func.count(addresses.id)).where(addresses.userId.eq(users.id))
                .scalarSubquery();
        assertThat(select(users.name, count).toString())
                .isEqualTo("SELECT users.name, (SELECT count(addresses.id) AS count_1 FROM addresses WHERE "
                        + "addresses.user_id = users.id) AS anon_1 FROM users");
        assertThat(select(users.id).where(exists(select(addresses.id).where(addresses.userId.eq(users.id))))
                .toString()).isEqualTo("SELECT users.id FROM users WHERE EXISTS (SELECT addresses.id FROM "
                        + "addresses WHERE addresses.user_id = users.id)");
        assertThat(select(users.id).where(users.id.in(select(addresses.userId))).toString())
                .isEqualTo("SELECT users.id FROM users WHERE users.id IN (SELECT addresses.user_id FROM addresses)");
    }

    @Test
    void caseAndCast() {
        assertThat(select(case_().when(users.id.eq(1), "one").else_("other")).toString())
                .isEqualTo("SELECT CASE WHEN (users.id = :id_1) THEN :param_1 ELSE :param_2 END AS anon_1 FROM users");
        assertThat(users.id.cast(Types.string(10)).toString()).isEqualTo("CAST(users.id AS VARCHAR(10))");
    }

    @Test
    void insertUpdateDeleteRenderColumnsInTableOrder() {
        Insert ins = insert(users).values(users.email, "e").values(users.name, "bob");
        assertThat(ins.compile(H2).sql()).isEqualTo("INSERT INTO users (name, email) VALUES (?, ?)");
        assertThat(ins.compile(H2).parameters()).containsExactly("bob", "e");
        assertThat(ins.compile(H2).parameterNames()).containsExactly("name", "email");
        assertThat(ins.compile(PG).sql()).isEqualTo("INSERT INTO users (name, email) VALUES (?, ?) RETURNING users.id");
        assertThat(insert(users).values(users.id, 7).compile(PG).sql()).isEqualTo("INSERT INTO users (id) VALUES (?)");
        Update upd = update(users).where(users.id.eq(1)).values(users.status, "s").values(users.name, "Bo");
        assertThat(upd.compile(PG).sql()).isEqualTo("UPDATE users SET name=?, status=? WHERE users.id = ?");
        assertThat(upd.toString()).isEqualTo("UPDATE users SET name=:name, status=:status WHERE users.id = :id_1");
        assertThat(delete(users).where(users.id.eq(2)).compile(MARIADB).sql())
                .isEqualTo("DELETE FROM users WHERE users.id = ?");
        assertThat(insert(users).compile(H2).sql()).isEqualTo("INSERT INTO users DEFAULT VALUES");
        assertThat(insert(users).compile(MARIADB).sql()).isEqualTo("INSERT INTO users () VALUES ()");
        assertThat(update(users).values(users.id, users.id.plus(1)).toString())
                .isEqualTo("UPDATE users SET id=(users.id + :id_1)");
        assertThat(insert(users).fromSelect(List.of(users.name), select(addresses.email)).compile(PG).sql())
                .isEqualTo("INSERT INTO users (name) SELECT addresses.email FROM addresses");
    }

    @Test
    void upsertsPerDialect() {
        Insert up = insert(users).values(users.id, 1).values(users.name, "a").onConflictDoUpdate();
        assertThat(up.compile(PG).sql()).isEqualTo("INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO "
                + "UPDATE SET name = excluded.name");
        assertThat(up.compile(MARIADB).sql()).isEqualTo("INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY "
                + "UPDATE name = VALUES(name)");
        assertThat(up.compile(H2).sql()).isEqualTo("MERGE INTO users (id, name) KEY (id) VALUES (?, ?)");
        Insert skip = insert(users).values(users.id, 1).values(users.name, "a").onConflictDoNothing(users.id);
        assertThat(skip.compile(PG).sql()).isEqualTo("INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO "
                + "NOTHING");
        assertThat(skip.compile(MARIADB).sql()).isEqualTo("INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY"
                + " UPDATE id = id");
        assertThat(skip.compile(H2).sql()).isEqualTo("MERGE INTO users USING (VALUES (?, ?)) AS excluded (id, name) "
                + "ON users.id = excluded.id WHEN NOT MATCHED THEN INSERT (id, name) VALUES (excluded.id, "
                + "excluded.name)");
    }

    @Test
    void returningPerDialect() {
        Insert ins = insert(users).values(users.name, "a").returning(users.id, users.name);
        assertThat(ins.compile(PG).sql()).isEqualTo("INSERT INTO users (name) VALUES (?) RETURNING users.id, "
                + "users.name");
        assertThat(ins.compile(MARIADB).sql()).isEqualTo(ins.compile(PG).sql());
        assertThat(ins.compile(H2).sql()).isEqualTo("SELECT id, name FROM FINAL TABLE (INSERT INTO users (name) "
                + "VALUES (?))");
        Delete del = delete(users).where(users.id.eq(1)).returning(users.id, users.name);
        assertThat(del.compile(H2).sql()).isEqualTo("SELECT id, name FROM OLD TABLE (DELETE FROM users WHERE "
                + "users.id = ?)");
        Update upd = update(users).values(users.name, "x").returning(users.id);
        assertThat(upd.compile(PG).sql()).isEqualTo("UPDATE users SET name=? RETURNING users.id");
        assertThatThrownBy(() -> upd.compile(MARIADB)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("RETURNING").hasMessageContaining("UPDATE");
    }

    @Test
    void identifiersAreQuotedOnlyWhenNeeded() {
        MetaData m = new MetaData();
        Table weird = new Table("weird", m, Column.of("order", Types.INTEGER), Column.of("Mixed", Types.INTEGER),
                Column.of("plain_1", Types.INTEGER));
        assertThat(select(weird).compile(PG).sql())
                .isEqualTo("SELECT weird.\"order\", weird.\"Mixed\", weird.plain_1 FROM weird");
        assertThat(select(weird).compile(MARIADB).sql())
                .isEqualTo("SELECT weird.`order`, weird.`Mixed`, weird.plain_1 FROM weird");
        Table inSchema = new Table("users", m, "s", Column.of("id", Types.INTEGER));
        assertThat(select(inSchema).where(inSchema.c("id").eq(1)).toString())
                .isEqualTo("SELECT s.users.id FROM s.users WHERE s.users.id = :id_1");
    }

    @Test
    void namedBindParametersComeFromTheExecutionParameters() {
        Update s = update(users).where(users.id.eq(bindparam("uid"))).values(users.name, bindparam("n"));
        assertThat(s.toString()).isEqualTo("UPDATE users SET name=:n WHERE users.id = :uid");
        Compiled c = s.compile(H2);
        assertThat(c.parameterNames()).containsExactly("n", "uid");
        assertThat(c.parameters()).containsExactly(null, null);
    }

    @Test
    void aBindParameterNamedLikeAnAutomaticallyBoundColumnIsRefused() {
        Update s = update(users).where(users.id.eq(bindparam("name"))).values(users.name, "x");
        assertThatThrownBy(() -> s.compile(H2)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("bindparam() name 'name' is reserved for automatic usage in the VALUES or SET "
                        + "clause").hasMessageContaining("'b_name'");
        assertThat(update(users).values(users.id, bindparam("id")).compile(H2).sql())
                .isEqualTo("UPDATE users SET id=?");
    }

    @Test
    void valuesOfAnotherTableOrUnknownNamesAreRefused() {
        assertThatThrownBy(() -> insert(users).values(addresses.email, "x")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("addresses.email").hasMessageContaining("'users'");
        assertThatThrownBy(() -> insert(users).values(Map.of("x", 1))).isInstanceOf(ArgumentException.class)
                .hasMessageStartingWith("Unconsumed column names: x");
    }

    @Test
    void columnLookupErrorsNameTheTableAndItsColumns() {
        assertThatThrownBy(() -> users.c("x")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("'users'").hasMessageContaining("id, name, email, status");
        assertThatThrownBy(() -> users.c("id", String.class)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Integer");
        assertThat(users.c("id", Integer.class)).isSameAs(users.id);
        assertThatThrownBy(() -> new Table("users", t.metadata)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("'users'");
        assertThatThrownBy(() -> users.join(users.alias("u2"))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("foreign key");
    }

    @Test
    void structureIgnoresValuesAndEqualTablesShareIt() {
        Select a = select(users).where(users.id.eq(1), users.name.in(List.of("a", "b"))).limit(5);
        Select b = select(users).where(users.id.eq(2), users.name.in(List.of("c"))).limit(50);
        assertThat(a.shapeHash()).isEqualTo(b.shapeHash());
        assertThat(a.sameShape(b)).isTrue();
        assertThat(a.sameShape(select(users).where(users.id.eq(1)))).isFalse();
        assertThat(a.sameShape(select(users).where(users.id.ne(1), users.name.in(List.of("a"))).limit(5))).isFalse();
        SampleTables other = new SampleTables();
        Select c = select(other.users).where(other.users.id.eq(9), other.users.name.in(List.of("x"))).limit(1);
        assertThat(c.sameShape(a)).isTrue();
        Object[] values = new Object[a.binds(null, 0, false)];
        b.binds(values, 0, false);
        assertThat(values).containsExactly(2, List.of("c"), 50);
        Select stripped = (Select) a.stripped();
        Object[] none = new Object[3];
        stripped.binds(none, 0, false);
        assertThat(none).containsOnlyNulls();
    }
}
