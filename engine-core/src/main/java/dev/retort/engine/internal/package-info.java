/**
 * Implementation details: parsing, caches, pools, error mapping, conversions. Not an API; may change at any time.
 */
@NullMarked
package dev.retort.engine.internal;

import org.jspecify.annotations.NullMarked;
