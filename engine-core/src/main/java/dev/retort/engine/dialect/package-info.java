/**
 * The {@link dev.retort.engine.dialect.Dialect} SPI, the {@link dev.retort.engine.dialect.DialectRegistry} and the
 * built-in dialects for PostgreSQL, MariaDB, MySQL and H2.
 */
@NullMarked
package dev.retort.engine.dialect;

import org.jspecify.annotations.NullMarked;
