/**
 * Spring's transaction management over a Retort {@link dev.retort.engine.Engine}, usable without Spring Boot:
 * {@link dev.retort.engine.spring.transaction.EngineTransactionManager} and the resolver that makes
 * {@code engine.connect()} join the Spring transaction in progress.
 */
@NullMarked
package dev.retort.engine.spring.transaction;

import org.jspecify.annotations.NullMarked;
