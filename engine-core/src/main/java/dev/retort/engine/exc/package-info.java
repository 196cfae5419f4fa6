/**
 * The engine's unchecked exception hierarchy, mirroring {@code sqlalchemy.exc}: {@link dev.retort.engine.exc.EngineException}
 * at the root, {@link dev.retort.engine.exc.DBAPIException} and its SQLState-chosen subclasses for driver errors.
 */
@NullMarked
package dev.retort.engine.exc;

import org.jspecify.annotations.NullMarked;
