/**
 * Connection and pool events, SQLAlchemy's {@code ConnectionEvents} and {@code PoolEvents}: the listener interfaces
 * and the event objects they receive.
 */
@NullMarked
package dev.retort.engine.event;

import org.jspecify.annotations.NullMarked;
