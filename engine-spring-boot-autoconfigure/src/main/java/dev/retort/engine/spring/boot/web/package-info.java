/**
 * Spring MVC support: engine failures that reach a controller are answered as server errors.
 */
@NullMarked
package dev.retort.engine.spring.boot.web;

import org.jspecify.annotations.NullMarked;
