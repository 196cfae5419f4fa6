/**
 * Extension points for frameworks: joining an externally managed transaction.
 */
@NullMarked
package dev.retort.engine.spi;

import org.jspecify.annotations.NullMarked;
