package dev.retort.engine.spring.boot.actuate;

import dev.retort.engine.Engine;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The read-only {@code retort} actuator endpoint ({@link RetortEndpoint}), when the actuator is on the classpath and
 * the endpoint is available (expose it with {@code management.endpoints.web.exposure.include=retort}).
 */
@AutoConfiguration
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class, Engine.class })
@ConditionalOnAvailableEndpoint(RetortEndpoint.class)
public final class RetortEndpointAutoConfiguration {

    /** The endpoint; it lists the engine beans on each read. */
    @Bean
    @ConditionalOnMissingBean
    RetortEndpoint retortEndpoint(ListableBeanFactory beanFactory) {
        return new RetortEndpoint(() -> beanFactory.getBeansOfType(Engine.class, false, true));
    }
}
