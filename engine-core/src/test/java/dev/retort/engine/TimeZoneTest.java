package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.testing.OnEachDatabase;
import dev.retort.engine.testing.OnEachServer;
import dev.retort.engine.testing.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Date and time columns keep their values whatever the JVM's default time zone and the session's: they are read as
 * {@code java.time} values, never through {@code java.sql.Timestamp} (which goes through the JVM's zone).
 */
class TimeZoneTest {

    /** 02:30 on 2024-03-10 does not exist in America/New_York (clocks jump from 02:00 to 03:00). */
    private static final LocalDateTime IN_DST_GAP = LocalDateTime.of(2024, 3, 10, 2, 30);
    private static final LocalDate DAY = LocalDate.of(2024, 3, 10);
    private static final TextClause SELECT = Sql.text("SELECT ts, d FROM tz_values WHERE id = 1");

    record Stamp(LocalDateTime ts, LocalDate d) {
    }

    private TimeZone jvmZone;

    @BeforeEach
    void jvmInADaylightSavingZone() {
        jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    }

    @AfterEach
    void restoreJvmZone() {
        TimeZone.setDefault(jvmZone);
    }

    private static void createTable(Connection c, TestDatabase db) {
        c.execDriverSql("DROP TABLE IF EXISTS tz_values");
        c.execDriverSql("CREATE TABLE tz_values (id INT PRIMARY KEY, ts " + (db.isMariadb() ? "DATETIME" : "TIMESTAMP")
                + ", d DATE)");
        c.execute(Sql.text("INSERT INTO tz_values VALUES (1, :ts, :d)"), Map.of("ts", IN_DST_GAP, "d", DAY));
    }

    @OnEachDatabase
    void aTimestampInTheJvmZonesDstGapReadsBackUnchangedEveryWay(TestDatabase db) {
        try (Engine e = db.engine(); Connection c = e.connect()) {
            createTable(c, db);
            Row row = c.execute(SELECT).one();
            assertThat(c.scalar(Sql.text("SELECT CAST(ts AS CHAR(30)) FROM tz_values"), Map.of(), String.class))
                    .startsWith("2024-03-10 02:30:00");
            assertThat(row.get("ts")).isEqualTo(IN_DST_GAP);
            assertThat(row.get("d")).isEqualTo(DAY);
            assertThat(row.get("ts", LocalDateTime.class)).isEqualTo(IN_DST_GAP);
            assertThat(row.as(Stamp.class)).isEqualTo(new Stamp(IN_DST_GAP, DAY));
            assertThat(c.execute(SELECT).as(Stamp.class)).containsExactly(new Stamp(IN_DST_GAP, DAY));
            assertThat(c.execute(SELECT).one(Stamp.class)).isEqualTo(new Stamp(IN_DST_GAP, DAY));
            assertThat(c.execute(SELECT).scalar(LocalDateTime.class)).isEqualTo(IN_DST_GAP);
            assertThat(c.execute(SELECT).scalars().one()).isEqualTo(IN_DST_GAP);
            c.execDriverSql("DROP TABLE tz_values");
            c.commit();
        }
    }

    @OnEachServer
    void aSessionTimeZoneOtherThanTheJvmsChangesNoValue(TestDatabase db) {
        try (Engine e = db.engine(); Connection c = e.connect()) {
            c.execDriverSql(db.isPostgresql() ? "SET TIME ZONE 'Pacific/Auckland'" : "SET time_zone = '+13:00'");
            createTable(c, db);
            assertThat(c.execute(SELECT).one(Stamp.class)).isEqualTo(new Stamp(IN_DST_GAP, DAY));
            assertThat(c.execute(SELECT).one().get("ts")).isEqualTo(IN_DST_GAP);
            if (db.isPostgresql()) {
                Row aware = c.execute(Sql.text("SELECT TIMESTAMPTZ '2024-03-10 07:30:00+00' AS t")).one();
                assertThat(aware.get("t")).isInstanceOf(OffsetDateTime.class);
                assertThat(aware.get("t", Instant.class)).isEqualTo(Instant.parse("2024-03-10T07:30:00Z"));
            }
            c.execDriverSql("DROP TABLE tz_values");
            c.commit();
        }
    }
}
