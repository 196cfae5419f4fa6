/**
 * SQLAlchemy Core's SQL expression language: immutable {@link dev.retort.engine.sql.Select},
 * {@link dev.retort.engine.sql.Insert}, {@link dev.retort.engine.sql.Update} and {@link dev.retort.engine.sql.Delete}
 * statements over {@link dev.retort.engine.schema.Table}s, compiled per dialect into {@link dev.retort.engine.sql.Compiled}
 * SQL. Execution compiles a statement's structure once and caches it ({@link dev.retort.engine.sql.CompiledCache});
 * bind values are extracted per execution and never cached.
 */
@NullMarked
package dev.retort.engine.sql;

import org.jspecify.annotations.NullMarked;
