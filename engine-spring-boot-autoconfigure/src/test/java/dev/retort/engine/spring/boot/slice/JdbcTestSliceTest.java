package dev.retort.engine.spring.boot.slice;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

/** A {@code @JdbcTest} slice has the engine and its transaction manager, and rolls the engine's writes back. */
@JdbcTest
class JdbcTestSliceTest extends EngineSliceTest {
}
