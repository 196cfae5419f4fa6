package dev.retort.engine.spring.boot.autoconfigure;

import java.util.List;
import java.util.TreeSet;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/** Which properties the user actually set, as opposed to the defaults a properties record binds. */
final class ConfiguredProperties {

    private ConfiguredProperties() {
    }

    /** The names of the properties set under {@code prefix} (e.g. {@code spring.datasource}), sorted. */
    static List<String> under(Environment environment, String prefix) {
        ConfigurationPropertyName root = ConfigurationPropertyName.of(prefix);
        TreeSet<String> names = new TreeSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.filter(root::isAncestorOf).stream().forEach(name -> names.add(name.toString()));
            }
        }
        return List.copyOf(names);
    }
}
