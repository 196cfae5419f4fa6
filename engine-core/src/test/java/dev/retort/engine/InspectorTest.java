package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.testing.OnEachDatabase;
import dev.retort.engine.testing.TestDatabase;
import java.sql.Types;
import java.util.List;
import java.util.Locale;

/** {@code engine.inspect()}: tables, columns and primary keys from JDBC metadata, on every database. */
class InspectorTest {

    private static Engine withTables(TestDatabase db) {
        Engine engine = db.engine();
        try (Connection c = engine.connect()) {
            c.execDriverSql("DROP TABLE IF EXISTS insp_line");
            c.execDriverSql("DROP TABLE IF EXISTS insp_order");
            c.execDriverSql("CREATE TABLE insp_order (id INT PRIMARY KEY, note VARCHAR(40))");
            c.execDriverSql("CREATE TABLE insp_line (order_id INT NOT NULL, line_no INT NOT NULL, "
                    + "qty INT DEFAULT 1 NOT NULL, label VARCHAR(20) DEFAULT 'none', PRIMARY KEY (order_id, line_no))");
            c.commit();
        }
        return engine;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    @OnEachDatabase
    void tableNamesListTheCurrentSchemasTables(TestDatabase db) {
        try (Engine engine = withTables(db)) {
            List<String> names = engine.inspect().tableNames(null).stream().map(InspectorTest::lower).toList();
            assertThat(names).contains("insp_order", "insp_line").doesNotHaveDuplicates();
            String schema = db.isPostgresql() ? "public" : db.isMariadb() ? "test" : "public";
            List<String> named = engine.inspect().tableNames(schema).stream().map(InspectorTest::lower).toList();
            assertThat(named).contains("insp_order", "insp_line").doesNotHaveDuplicates();
            assertThat(engine.inspect().tableNames("retort_no_such_schema")).isEmpty();
        }
    }

    @OnEachDatabase
    void columnsReportNameTypeNullabilityAndDefault(TestDatabase db) {
        try (Engine engine = withTables(db)) {
            List<ColumnInfo> columns = engine.inspect().columns("insp_line");
            assertThat(columns).extracting(c -> lower(c.name())).containsExactly("order_id", "line_no", "qty", "label");
            assertThat(columns).extracting(ColumnInfo::jdbcType).containsExactly(Types.INTEGER, Types.INTEGER,
                    Types.INTEGER, Types.VARCHAR);
            assertThat(columns).extracting(ColumnInfo::nullable).containsExactly(false, false, false, true);
            assertThat(columns.get(0).defaultValue()).isNull();
            assertThat(columns.get(2).defaultValue()).isEqualTo("1");
            assertThat(columns.get(3).defaultValue()).contains("none");
            assertThat(columns.get(3).typeName()).containsIgnoringCase("char");
            assertThat(engine.inspect().columns("insp_no_such_table")).isEmpty();
        }
    }

    @OnEachDatabase
    void primaryKeyListsColumnsInKeyOrder(TestDatabase db) {
        try (Engine engine = withTables(db)) {
            assertThat(engine.inspect().primaryKey("insp_line")).extracting(InspectorTest::lower)
                    .containsExactly("order_id", "line_no");
            assertThat(engine.inspect().primaryKey("INSP_ORDER")).extracting(InspectorTest::lower)
                    .containsExactly("id");
        }
    }
}
