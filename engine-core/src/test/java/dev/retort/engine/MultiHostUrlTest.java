package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.EngineUrl.Host;
import dev.retort.engine.exc.ArgumentException;
import org.junit.jupiter.api.Test;

class MultiHostUrlTest {

    @Test
    void severalHostsAreListedInOrderAndTheFirstIsHostAndPort() {
        EngineUrl url = EngineUrl.parse("postgresql://u:s3cret@h1:5432,h2:5433,h3/db?target_session_attrs=read-write");
        assertThat(url.hosts()).containsExactly(new Host("h1", 5432), new Host("h2", 5433), new Host("h3", null));
        assertThat(url.host()).isEqualTo("h1");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.database()).isEqualTo("db");
        assertThat(url.password()).isEqualTo("s3cret");
    }

    @Test
    void targetSessionAttrsBecomesPgjdbcsTargetServerType() {
        assertThat(EngineUrl.parse("postgresql://u:pw@h1:5432,h2:5433/db?target_session_attrs=read-write")
                .toJdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/db?targetServerType=primary");
        assertThat(jdbc("primary")).endsWith("targetServerType=primary");
        assertThat(jdbc("read-only")).endsWith("targetServerType=secondary");
        assertThat(jdbc("standby")).endsWith("targetServerType=secondary");
        assertThat(jdbc("prefer-standby")).endsWith("targetServerType=preferSecondary");
        assertThat(jdbc("any")).endsWith("targetServerType=any");
    }

    private static String jdbc(String attrs) {
        return EngineUrl.parse("postgresql://h1,h2/db?target_session_attrs=" + attrs).toJdbcUrl();
    }

    @Test
    void loadBalanceHostsBecomesPgjdbcsLoadBalanceHostsAndOtherParametersPass() {
        assertThat(EngineUrl.parse("postgresql://h1,h2/db?load_balance_hosts=random&sslmode=disable&"
                + "hostRecheckSeconds=2").toJdbcUrl())
                .isEqualTo("jdbc:postgresql://h1,h2/db?loadBalanceHosts=true&sslmode=disable&hostRecheckSeconds=2");
        assertThat(EngineUrl.parse("postgresql://h1,h2/db?load_balance_hosts=disable").toJdbcUrl())
                .endsWith("?loadBalanceHosts=false");
    }

    @Test
    void theJdbcFormListsItsHostsAndTranslatesLibpqNames() {
        EngineUrl url = EngineUrl.parse("jdbc:postgresql://h1:5432,h2:5433/db?target_session_attrs=read-write"
                + "&user=u&password=pw");
        assertThat(url.hosts()).containsExactly(new Host("h1", 5432), new Host("h2", 5433));
        assertThat(url.toJdbcUrl())
                .isEqualTo("jdbc:postgresql://h1:5432,h2:5433/db?targetServerType=primary&user=u&password=pw");
        assertThat(url.toString()).doesNotContain("pw").contains("password=***");
        assertThat(EngineUrl.parse("jdbc:postgresql://h1,h2/db?targetServerType=primary").toJdbcUrl())
                .isEqualTo("jdbc:postgresql://h1,h2/db?targetServerType=primary");
        assertThat(EngineUrl.parse("jdbc:mysql://scott:tiger@m1:3306,m2/db").hosts())
                .containsExactly(new Host("m1", 3306), new Host("m2", null));
        assertThat(EngineUrl.parse("jdbc:h2:mem:x").hosts()).isEmpty();
    }

    @Test
    void maskingHidesThePasswordOfAMultiHostUrl() {
        EngineUrl url = EngineUrl.parse("postgresql://app:s3cret@h1:5432,h2:5433/db?target_session_attrs=read-write");
        assertThat(url.toString())
                .isEqualTo("postgresql://app:***@h1:5432,h2:5433/db?target_session_attrs=read-write");
        assertThat(url.renderAsString(false)).contains("app:s3cret@h1:5432,h2:5433");
        assertThat(EngineUrl.parse(url.renderAsString(false))).isEqualTo(url);
        assertThat(EngineUrl.mask("postgresql://app:s3cret@h1:5432,h2:5433/db")).doesNotContain("s3cret");
    }

    @Test
    void ipv6HostsKeepTheirBrackets() {
        assertThat(EngineUrl.parse("postgresql://u@[::1]:5450,[fe80::2]/db").hosts())
                .containsExactly(new Host("[::1]", 5450), new Host("[fe80::2]", null));
    }

    @Test
    void badHostListsAndValuesSayWhatIsWrongWithoutThePassword() {
        assertThatThrownBy(() -> EngineUrl.parse("postgresql://u:hunter2@h1,,h2/db"))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("empty entry")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> EngineUrl.parse("postgresql://u:hunter2@h1:5432,h2:x/db"))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("port 'x' is not a number")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> Engine.create("postgresql://u:hunter2@h1,h2/db?target_session_attrs=writable"))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("target_session_attrs 'writable'")
                .hasMessageContaining("read-write").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> EngineUrl.parse("postgresql://h1,h2/db?target_session_attrs=read-write"
                + "&targetServerType=secondary").toJdbcUrl()).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("keep one of them");
    }
}
