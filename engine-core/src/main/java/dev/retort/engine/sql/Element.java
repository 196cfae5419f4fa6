package dev.retort.engine.sql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The base of every expression-language node (schema {@code Column}s and {@code Table}s excepted, see {@link Shape}).
 * A node knows how to render itself, its structure (everything but bind values: the compiled-cache key) and its bind
 * values, visited in one fixed order.
 */
abstract class Element {

    /** Renders this node. */
    abstract void render(SqlCompiler compiler);

    /** A hash of the structure: equal for nodes whose {@link #sameShape} is true. */
    abstract int shapeHash();

    /** Whether {@code other} (of the same class) has the same structure; values are not compared. */
    abstract boolean sameShape(Element other);

    /**
     * Writes the bind parameters that carry values, in the fixed structural order, into {@code out} starting at
     * {@code index} (the values, or with {@code nodes} the parameters themselves; {@code out == null} only counts),
     * returning the next index.
     */
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        return index;
    }

    /** This node with every bind value dropped (for cache keys, which must not retain values). */
    Element stripped() {
        return this;
    }

    /** Adds the FROM objects this expression refers to (not looking into nested SELECTs). */
    void froms(List<Object> out) {
    }
}
