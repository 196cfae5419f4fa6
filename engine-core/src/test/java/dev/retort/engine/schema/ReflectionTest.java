package dev.retort.engine.schema;

import static dev.retort.engine.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.exc.NoSuchTableException;
import dev.retort.engine.testing.OnEachDatabase;
import dev.retort.engine.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** createAll/dropAll with checkfirst and reflection of what they created, on every database. */
class ReflectionTest {

    private static MetaData declared() {
        MetaData m = new MetaData();
        new Table("refl_child", m, Column.of("id", Types.INTEGER).primaryKey(),
                Column.of("parent_id", Types.INTEGER).references("refl_parent.id").notNull(),
                Column.of("amount", Types.numeric(10, 2)), Column.of("day", Types.DATE),
                Column.of("note", Types.TEXT), Column.of("flag", Types.BOOLEAN));
        new Table("refl_parent", m, Column.of("id", Types.INTEGER).primaryKey(), Column.of("name", Types.string(30)));
        return m;
    }

    @OnEachDatabase
    void createAllSkipsExistingTablesAndDropAllRemovesThem(TestDatabase db) {
        MetaData m = declared();
        try (Engine engine = db.engine()) {
            m.dropAll(engine);
            m.createAll(engine);
            m.createAll(engine); // checkfirst: nothing to do
            try (Connection c = engine.connect()) {
                c.execute(m.table("refl_parent").orElseThrow().insert(), Map.of("name", "p"));
                Table child = m.table("refl_child").orElseThrow();
                c.execute(child.insert(), Map.of("parent_id", 1, "amount", new BigDecimal("12.50"), "day",
                        LocalDate.of(2026, 1, 2), "note", "n", "flag", true));
                Map<String, Object> row = c.execute(select(child)).one().asMap();
                assertThat(row).containsEntry("amount", new BigDecimal("12.50")).containsEntry("day",
                        LocalDate.of(2026, 1, 2)).containsEntry("flag", true).containsEntry("parent_id", 1);
                c.commit();
            }
            m.dropAll(engine);
            try (Connection c = engine.connect()) {
                assertThatThrownBy(() -> Table.reflect("refl_child", new MetaData(), c))
                        .isInstanceOf(NoSuchTableException.class).hasMessageContaining("refl_child");
            }
            m.dropAll(engine); // checkfirst: nothing to drop
        }
    }

    @OnEachDatabase
    void reflectionReadsColumnsTypesNullabilityAndPrimaryKey(TestDatabase db) {
        MetaData m = declared();
        try (Engine engine = db.engine()) {
            m.dropAll(engine);
            m.createAll(engine);
            MetaData reflected = new MetaData();
            Table child = Table.reflect("refl_child", reflected, engine);
            assertThat(child.columns()).extracting(Column::name).containsExactly("id", "parent_id", "amount", "day",
                    "note", "flag");
            assertThat(child.columns()).extracting(c -> (Object) c.type().javaType()).containsExactly(Integer.class,
                    Integer.class, BigDecimal.class, LocalDate.class, String.class, Boolean.class);
            assertThat(child.columns()).extracting(Column::isNullable).containsExactly(false, false, true, true, true,
                    true);
            assertThat(child.primaryKeyColumns()).extracting(Column::name).containsExactly("id");
            assertThat(child.c("amount").type()).isEqualTo(Types.numeric(10, 2));
            assertThat(reflected.table("refl_child")).containsSame(child);
            reflected.reflect(engine, List.of("refl_parent"));
            assertThat(reflected.table("refl_parent").orElseThrow().c("name").type()).isEqualTo(Types.string(30));
            m.dropAll(engine);
        }
    }
}
