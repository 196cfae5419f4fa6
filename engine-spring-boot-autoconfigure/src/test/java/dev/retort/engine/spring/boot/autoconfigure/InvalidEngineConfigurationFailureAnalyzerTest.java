package dev.retort.engine.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.StringUtils;

/** Bad configuration fails at start-up with a description and an action, never showing the password. */
class InvalidEngineConfigurationFailureAnalyzerTest {

    private static final String SECRET = "s3cr3t-pw";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RetortDataSourceAutoConfiguration.class,
                    RetortEngineAutoConfiguration.class));

    private void fails(Consumer<FailureAnalysis> check, String... properties) {
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new InvalidEngineConfigurationFailureAnalyzer()
                    .analyze(context.getStartupFailure());
            assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
            assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(SECRET);
            assertThat(context.getStartupFailure()).hasStackTraceContaining("InvalidEngineConfigurationException");
            Throwable t = context.getStartupFailure();
            while (t != null) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
                t = t.getCause();
            }
            check.accept(analysis);
        });
    }

    @Test
    void isRegisteredInSpringFactories() throws Exception {
        List<String> analyzers = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
            Properties factories = PropertiesLoaderUtils.loadProperties(new UrlResource(url));
            analyzers.addAll(StringUtils.commaDelimitedListToSet(
                    factories.getProperty(FailureAnalyzer.class.getName(), "")));
        }
        assertThat(analyzers).contains(InvalidEngineConfigurationFailureAnalyzer.class.getName());
    }

    @Test
    void malformedUrl() {
        fails(a -> {
            assertThat(a.getDescription()).contains("Could not parse database URL", "retort.engine.url");
            assertThat(a.getAction()).contains("retort.engine.url");
        }, "retort.engine.url=postgresql:/scott:" + SECRET + "@db:5432/x", "retort.engine.password=" + SECRET);
    }

    @Test
    void malformedUrlWithoutPasswordProperty() {
        fails(a -> assertThat(a.getDescription()).contains("port"),
                "retort.engine.url=postgresql://scott:" + SECRET + "@db:notaport/x");
    }

    @Test
    void unknownDialect() {
        fails(a -> {
            assertThat(a.getDescription()).contains("Unknown dialect 'oracle'");
            assertThat(a.getAction()).contains("known dialects");
        }, "retort.engine.url=oracle://scott:" + SECRET + "@db/x");
    }

    @Test
    void invalidIsolationLevel() {
        fails(a -> {
            assertThat(a.getDescription()).contains("Invalid isolation level 'SOMETIMES'",
                    "retort.engine.isolation-level");
            assertThat(a.getAction()).contains("READ COMMITTED", "SERIALIZABLE");
        }, "retort.engine.url=h2:mem:bad_iso", "retort.engine.isolation-level=SOMETIMES");
    }

    @Test
    void poolSizesThatMakeNoSense() {
        fails(a -> assertThat(a.getDescription()).contains("retort.engine.pool.size", "at least 1"),
                "retort.engine.url=h2:mem:bad_pool", "retort.engine.pool.size=0");
        fails(a -> assertThat(a.getDescription()).contains("retort.engine.pool.max-overflow"),
                "retort.engine.url=h2:mem:bad_pool", "retort.engine.pool.max-overflow=-1");
        fails(a -> assertThat(a.getDescription()).contains("retort.engine.pool.timeout"),
                "retort.engine.url=h2:mem:bad_pool", "retort.engine.pool.timeout=10ms");
    }

    @Test
    void severalPrimaryNamedEngines() {
        fails(a -> assertThat(a.getDescription()).contains("Several engines are marked primary"),
                "retort.engines.a.url=h2:mem:a", "retort.engines.a.primary=true", "retort.engines.b.url=h2:mem:b",
                "retort.engines.b.primary=true");
    }

    @Test
    void namedEngineWithoutUrlOrDataSource() {
        fails(a -> assertThat(a.getDescription()).contains("retort.engines.x.url is not set"),
                "retort.engines.x.logging-name=x");
    }
}
