/**
 * Translation of engine exceptions into Spring's {@code DataAccessException} hierarchy.
 */
@NullMarked
package dev.retort.engine.spring.dao;

import org.jspecify.annotations.NullMarked;
