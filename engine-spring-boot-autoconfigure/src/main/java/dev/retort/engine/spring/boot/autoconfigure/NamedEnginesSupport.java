package dev.retort.engine.spring.boot.autoconfigure;

import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;

/** What the registrars of {@code retort.engines.<name>} beans share: the environment, the bean factory, binding. */
abstract class NamedEnginesSupport implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

    Environment environment;
    ListableBeanFactory beanFactory;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ListableBeanFactory) beanFactory;
    }

    /** The configured {@code retort.engines.<name>}, empty when there are none. */
    static Map<String, RetortEngineProperties> bind(Environment environment) {
        return Binder.get(environment).bind("retort.engines",
                Bindable.mapOf(String.class, RetortEngineProperties.class)).orElse(Map.of());
    }
}
