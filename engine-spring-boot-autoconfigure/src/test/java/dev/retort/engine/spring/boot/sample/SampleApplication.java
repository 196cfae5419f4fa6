package dev.retort.engine.spring.boot.sample;

import dev.retort.engine.testing.Recorder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Boot application using the auto-configured engine, for {@link TransactionalServiceTest}. */
@SpringBootApplication
public class SampleApplication {

    /** Records every engine event (applied to the engine as a ConnectionListener bean). */
    @Bean
    Recorder recorder() {
        return new Recorder();
    }
}
