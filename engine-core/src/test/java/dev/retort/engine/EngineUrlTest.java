package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.exc.ArgumentException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineUrlTest {

    @Test
    void parsesSqlalchemyStyleUrlWithEncodedCredentials() {
        EngineUrl url = EngineUrl.parse("postgresql+pgjdbc://sc%40tt:ti%3Ag%2Fer@db.example:5433/app?sslmode=disable");
        assertThat(url.drivername()).isEqualTo("postgresql+pgjdbc");
        assertThat(url.dialectName()).isEqualTo("postgresql");
        assertThat(url.driver()).isEqualTo("pgjdbc");
        assertThat(url.username()).isEqualTo("sc@tt");
        assertThat(url.password()).isEqualTo("ti:g/er");
        assertThat(url.host()).isEqualTo("db.example");
        assertThat(url.port()).isEqualTo(5433);
        assertThat(url.database()).isEqualTo("app");
        assertThat(url.query()).isEqualTo(Map.of("sslmode", "disable"));
        assertThat(url.toJdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/app?sslmode=disable");
    }

    @Test
    void toStringMasksThePassword() {
        EngineUrl url = EngineUrl.parse("mariadb://root:s3cret@127.0.0.1:3306/test");
        assertThat(url.toString()).isEqualTo("mariadb://root:***@127.0.0.1:3306/test").doesNotContain("s3cret");
        assertThat(url.renderAsString(false)).isEqualTo("mariadb://root:s3cret@127.0.0.1:3306/test");
        assertThat(EngineUrl.parse("jdbc:postgresql://h/db?user=u&password=pw").toString())
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***");
    }

    @Test
    void mysqlAndMariadbUrlsBuildTheirJdbcUrls() {
        assertThat(EngineUrl.parse("mysql://u@h/db").toJdbcUrl()).isEqualTo("jdbc:mysql://h/db");
        assertThat(EngineUrl.parse("mariadb://u@h:3307/db").toJdbcUrl()).isEqualTo("jdbc:mariadb://h:3307/db");
    }

    @Test
    void h2UrlsKeepInMemoryDatabasesAlive() {
        EngineUrl mem = EngineUrl.parse("h2:mem:demo");
        assertThat(mem.dialectName()).isEqualTo("h2");
        assertThat(mem.database()).isEqualTo("mem:demo");
        assertThat(mem.toJdbcUrl()).isEqualTo("jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1");
        assertThat(EngineUrl.parse("h2:file:/tmp/x").toJdbcUrl()).isEqualTo("jdbc:h2:file:/tmp/x");
    }

    @Test
    void jdbcUrlsInferTheDialect() {
        assertThat(EngineUrl.parse("jdbc:postgresql://h/db").dialectName()).isEqualTo("postgresql");
        assertThat(EngineUrl.parse("jdbc:h2:mem:x").dialectName()).isEqualTo("h2");
        assertThat(EngineUrl.parse("jdbc:mariadb://h/db").toJdbcUrl()).isEqualTo("jdbc:mariadb://h/db");
    }

    @Test
    void malformedUrlsSayWhatIsWrongWithoutThePassword() {
        assertThatThrownBy(() -> EngineUrl.parse("postgresql://u:hunter2@host:notaport/db"))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("port 'notaport' is not a number")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> EngineUrl.parse("postgresql://scott:tiger@db/app?sslmode"))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("scott:***@db")
                .hasMessageNotContaining("tiger");
        assertThat(EngineUrl.parse("jdbc:mysql://scott:tiger@h/db").toString()).isEqualTo("jdbc:mysql://scott:***@h/db");
        assertThat(EngineUrl.parse("jdbc:oracle:thin:scott/tiger@h:1521/s").toString())
                .isEqualTo("jdbc:oracle:thin:scott/***@h:1521/s");
        assertThatThrownBy(() -> EngineUrl.parse("just-a-name")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("dialect://");
        assertThatThrownBy(() -> EngineUrl.parse(" ")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void unknownDialectNamesTheKnownOnes() {
        assertThatThrownBy(() -> Engine.create("oracle://u:pw@h/db")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Unknown dialect 'oracle'").hasMessageContaining("postgresql")
                .hasMessageContaining("DialectRegistry.register");
    }
}
