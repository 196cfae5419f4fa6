package dev.retort.engine.spring.boot.autoconfigure;

import dev.retort.engine.Engine;
import dev.retort.engine.spring.transaction.EngineTransactionManager;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.transaction.TransactionManager;

/**
 * Registers an {@code Engine} ({@code <name>Engine}) and an {@code EngineTransactionManager}
 * ({@code <name>TransactionManager}) per {@code retort.engines.<name>}, both qualified with the name. The engine
 * marked {@code primary} is primary, and so is its transaction manager unless another transaction manager exists.
 * A bean the user already defined under one of these names is left alone.
 */
final class NamedEnginesRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

    private Environment environment;
    private ListableBeanFactory beanFactory;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ListableBeanFactory) beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Map<String, RetortEngineProperties> engines = Binder.get(environment)
                .bind("retort.engines", Bindable.mapOf(String.class, RetortEngineProperties.class)).orElse(Map.of());
        if (engines.isEmpty()) {
            return;
        }
        List<String> primaries = engines.entrySet().stream().filter(e -> e.getValue().primary())
                .map(Map.Entry::getKey).toList();
        if (primaries.size() > 1) {
            throw new InvalidEngineConfigurationException("retort.engines", "Several engines are marked primary: "
                    + primaries + ".", "Set retort.engines.<name>.primary=true on one engine only.");
        }
        boolean otherTransactionManager = beanFactory.getBeanNamesForType(TransactionManager.class, true, false)
                .length > 0;
        engines.forEach((name, properties) -> {
            String engineBean = name + "Engine";
            if (!registry.containsBeanDefinition(engineBean)) {
                RootBeanDefinition engine = new RootBeanDefinition(Engine.class, () -> createEngine(name, properties));
                engine.setPrimary(properties.primary());
                engine.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
                engine.setDestroyMethodName(AbstractBeanDefinition.INFER_METHOD);
                registry.registerBeanDefinition(engineBean, engine);
            }
            String managerBean = name + "TransactionManager";
            if (!registry.containsBeanDefinition(managerBean)) {
                RootBeanDefinition manager = new RootBeanDefinition(EngineTransactionManager.class,
                        () -> createTransactionManager(engineBean));
                manager.setPrimary(properties.primary() && !otherTransactionManager);
                manager.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
                registry.registerBeanDefinition(managerBean, manager);
            }
        });
    }

    private Engine createEngine(String name, RetortEngineProperties properties) {
        DataSource dataSource = properties.url() == null
                ? beanFactory.getBeanProvider(DataSource.class).getIfUnique() : null;
        return new EngineFactory(beanFactory).create("retort.engines." + name, properties, dataSource);
    }

    private EngineTransactionManager createTransactionManager(String engineBean) {
        EngineTransactionManager manager = new EngineTransactionManager(beanFactory.getBean(engineBean, Engine.class));
        return RetortEngineConfigurations.customized(manager,
                beanFactory.getBeanProvider(TransactionManagerCustomizers.class));
    }
}
