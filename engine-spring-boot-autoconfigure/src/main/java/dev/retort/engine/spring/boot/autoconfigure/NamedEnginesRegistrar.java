package dev.retort.engine.spring.boot.autoconfigure;

import dev.retort.engine.Engine;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers an {@code Engine} ({@code <name>Engine}) per {@code retort.engines.<name>}, qualified with the name.
 * An engine with a {@code url} owns its pool, which is also registered as the {@code DataSource} bean
 * {@code <name>DataSource} (same qualifier) unless {@code separate-pool=true}; an engine without one is built over the
 * application's {@code DataSource}. The engine marked {@code primary} and its {@code DataSource} are primary.
 * Runs before Boot's {@code DataSource} auto-configuration, which then backs off; the transaction managers are
 * registered later by {@link NamedTransactionManagersRegistrar}. A bean the user already defined under one of these
 * names is left alone.
 */
final class NamedEnginesRegistrar extends NamedEnginesSupport {

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Map<String, RetortEngineProperties> engines = bind(environment);
        if (engines.isEmpty()) {
            return;
        }
        List<String> primaries = engines.entrySet().stream().filter(e -> e.getValue().primary())
                .map(Map.Entry::getKey).toList();
        if (primaries.size() > 1) {
            throw new InvalidEngineConfigurationException("retort.engines", "Several engines are marked primary: "
                    + primaries + ".", "Set retort.engines.<name>.primary=true on one engine only.");
        }
        List<String> userDataSources = List.of(beanFactory.getBeanNamesForType(DataSource.class, true, false));
        engines.forEach((name, properties) -> {
            String prefix = "retort.engines." + name;
            boolean owned = properties.url() != null;
            boolean shared = owned && !properties.separatePool();
            if (shared) {
                PoolSharing.check(prefix, environment, userDataSources);
            }
            String ownedBean = name + "OwnedEngine";
            if (owned) {
                register(registry, ownedBean, new RootBeanDefinition(OwnedEngine.class, () -> new EngineFactory(
                        beanFactory, environment).owned(prefix, properties, shared)), false, null, true);
            }
            register(registry, name + "Engine", new RootBeanDefinition(Engine.class, () -> owned
                    ? beanFactory.getBean(ownedBean, OwnedEngine.class).engine()
                    : new EngineFactory(beanFactory, environment).overDataSource(prefix, properties,
                            beanFactory.getBeanProvider(DataSource.class).getIfUnique())),
                    properties.primary(), name, !owned);
            if (shared) {
                register(registry, name + "DataSource", new RootBeanDefinition(DataSource.class,
                        () -> beanFactory.getBean(ownedBean, OwnedEngine.class).dataSource()), properties.primary(),
                        name, false);
            }
        });
    }

    /**
     * Registers {@code definition} unless the user defined {@code beanName}; {@code closes}: its {@code close()} runs
     * with the context's (the owner of an engine's pool closes it, not the beans sharing it).
     */
    private static void register(BeanDefinitionRegistry registry, String beanName, RootBeanDefinition definition,
            boolean primary, @Nullable String qualifier, boolean closes) {
        if (registry.containsBeanDefinition(beanName)) {
            return;
        }
        definition.setPrimary(primary);
        if (qualifier != null) {
            definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, qualifier));
        }
        definition.setDestroyMethodName(closes ? AbstractBeanDefinition.INFER_METHOD : null);
        registry.registerBeanDefinition(beanName, definition);
    }
}
