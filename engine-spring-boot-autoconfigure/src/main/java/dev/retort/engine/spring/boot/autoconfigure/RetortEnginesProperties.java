package dev.retort.engine.spring.boot.autoconfigure;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Several named engines, {@code retort.engines.<name>.*}: each becomes an {@code Engine} bean
 * {@code <name>Engine} and an {@code EngineTransactionManager} bean {@code <name>TransactionManager}, both
 * qualified {@code @Qualifier("<name>")}; the one with {@code primary: true} is the primary bean. When any named
 * engine is configured, {@code retort.engine.*} does not create an engine of its own.
 *
 * @param engines Named engines, each with the same settings as retort.engine.
 */
@ConfigurationProperties("retort")
public record RetortEnginesProperties(@DefaultValue Map<String, RetortEngineProperties> engines) {
}
