package dev.retort.engine.spring.boot.actuate;

import dev.retort.engine.Engine;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.function.SingletonSupplier;

/**
 * Applies an {@link EngineBinder} (metrics, observations) to every {@link Engine} bean, naming the engine after its
 * bean: as each engine bean is initialised, and once more after all singletons exist for engines registered as
 * ready-made singletons (which bean post-processors never see). Binders are idempotent, so an engine is bound once.
 * The binder is created lazily, at the first engine, so the post-processor does not pull registries in early.
 */
public final class EngineBinderPostProcessor
        implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware {

    /** Instruments one engine. Must be idempotent: binding the same engine twice changes nothing. */
    @FunctionalInterface
    public interface EngineBinder {

        /**
         * Instruments {@code engine}.
         *
         * @param engine the engine
         * @param engineName its bean name
         */
        void bind(Engine engine, String engineName);
    }

    private final Supplier<EngineBinder> binder;
    private @Nullable ListableBeanFactory beanFactory;

    /**
     * Creates the post-processor.
     *
     * @param binder supplies the binder; asked once, when the first engine is seen
     */
    public EngineBinderPostProcessor(Supplier<EngineBinder> binder) {
        this.binder = SingletonSupplier.of(binder);
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory instanceof ListableBeanFactory listable ? listable : null;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Engine engine) {
            binder.get().bind(engine, beanName);
        }
        return bean;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (beanFactory == null) {
            return;
        }
        Map<String, Engine> engines = beanFactory.getBeansOfType(Engine.class, false, false);
        engines.forEach((name, engine) -> binder.get().bind(engine, name));
    }
}
