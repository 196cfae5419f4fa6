package dev.retort.engine.spring.boot.web;

import dev.retort.engine.Engine;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

/**
 * Registers {@link EngineFailureExceptionResolver} in Spring MVC, just before Spring's
 * {@link DefaultHandlerExceptionResolver}, so that a failed engine write is never answered as a success.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, Engine.class })
public final class RetortWebMvcAutoConfiguration {

    @Bean
    static WebMvcConfigurer retortEngineFailureResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
                int index = 0;
                while (index < resolvers.size() && !(resolvers.get(index) instanceof DefaultHandlerExceptionResolver)) {
                    index++;
                }
                resolvers.add(index, new EngineFailureExceptionResolver());
            }
        };
    }
}
