/**
 * Table metadata, SQLAlchemy's {@code MetaData}, {@code Table} and {@code Column}: typed columns that the
 * {@link dev.retort.engine.sql SQL expression language} builds statements from, DDL ({@code createAll}/{@code dropAll})
 * and reflection.
 */
@NullMarked
package dev.retort.engine.schema;

import org.jspecify.annotations.NullMarked;
