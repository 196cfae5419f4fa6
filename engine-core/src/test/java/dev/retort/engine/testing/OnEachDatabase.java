package dev.retort.engine.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Runs a test once per {@link TestDatabase}: H2, PostgreSQL and MariaDB. The test method takes the
 * {@link TestDatabase} as its parameter.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "[{0}]")
@ArgumentsSource(OnEachDatabase.Databases.class)
public @interface OnEachDatabase {

    /** Supplies the databases. */
    final class Databases implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters,
                ExtensionContext context) {
            return Stream.of(TestDatabase.H2, TestDatabase.POSTGRESQL, TestDatabase.MARIADB).map(Arguments::of);
        }
    }
}
