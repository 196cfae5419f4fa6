package dev.retort.engine.spring.boot.autoconfigure;

import dev.retort.engine.Engine;
import dev.retort.engine.spring.transaction.EngineTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.transaction.TransactionManager;

/**
 * Registers an {@code EngineTransactionManager} ({@code <name>TransactionManager}, qualified with the name) per
 * {@code retort.engines.<name>}. The primary engine's manager is primary unless another transaction manager exists
 * (the user's, JPA's: this runs after them). A bean the user already defined under that name is left alone.
 */
final class NamedTransactionManagersRegistrar extends NamedEnginesSupport {

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        boolean otherTransactionManager = beanFactory.getBeanNamesForType(TransactionManager.class, true, false)
                .length > 0;
        bind(environment).forEach((name, properties) -> {
            String managerBean = name + "TransactionManager";
            if (!registry.containsBeanDefinition(managerBean)) {
                RootBeanDefinition manager = new RootBeanDefinition(EngineTransactionManager.class,
                        () -> createTransactionManager(name + "Engine"));
                manager.setPrimary(properties.primary() && !otherTransactionManager);
                manager.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
                registry.registerBeanDefinition(managerBean, manager);
            }
        });
    }

    private EngineTransactionManager createTransactionManager(String engineBean) {
        EngineTransactionManager manager = new EngineTransactionManager(beanFactory.getBean(engineBean, Engine.class));
        return RetortEngineConfigurations.customized(manager,
                beanFactory.getBeanProvider(TransactionManagerCustomizers.class));
    }
}
