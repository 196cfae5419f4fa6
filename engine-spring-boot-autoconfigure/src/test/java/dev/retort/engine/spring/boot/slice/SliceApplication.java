package dev.retort.engine.spring.boot.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the slice tests of this package start. */
@SpringBootApplication
class SliceApplication {
}
