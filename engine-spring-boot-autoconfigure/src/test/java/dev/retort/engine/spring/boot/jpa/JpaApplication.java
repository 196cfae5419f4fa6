package dev.retort.engine.spring.boot.jpa;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Boot application with JPA (Hibernate) and the auto-configured engine, for {@link JpaTransactionTest}. */
@SpringBootApplication
public class JpaApplication {
}
