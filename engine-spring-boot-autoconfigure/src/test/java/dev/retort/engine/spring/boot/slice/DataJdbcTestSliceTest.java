package dev.retort.engine.spring.boot.slice;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

/** A {@code @DataJdbcTest} slice has the engine and its transaction manager, and rolls the engine's writes back. */
@DataJdbcTest
class DataJdbcTestSliceTest extends EngineSliceTest {
}
