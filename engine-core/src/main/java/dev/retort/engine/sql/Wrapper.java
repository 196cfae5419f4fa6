package dev.retort.engine.sql;

import dev.retort.engine.schema.SqlType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The base of the expressions around one operand ({@code CAST}, labels, {@code NOT}/{@code EXISTS}/{@code ASC}/
 * {@code DESC}, parentheses, scalar subqueries): their bind values and FROM objects are the operand's, their
 * structure is the operand's plus what {@link #ownHash()}/{@link #sameOwn} describe.
 *
 * @param <T> the Java type of the values
 */
abstract class Wrapper<T> extends Expr<T> {

    final Object operand;

    Wrapper(SqlType<T> type, Object operand) {
        super(type);
        this.operand = operand;
    }

    /** A hash of what this node adds to its operand's structure. */
    abstract int ownHash();

    /** Whether {@code other} (of the same class) adds the same to its operand's structure. */
    abstract boolean sameOwn(Wrapper<?> other);

    /** This node around another operand (the stripped one). */
    abstract Wrapper<T> around(Object newOperand);

    @Override
    final int shapeHash() {
        return ownHash() * 31 + Shape.hash(operand);
    }

    @Override
    final boolean sameShape(Element other) {
        Wrapper<?> o = (Wrapper<?>) other;
        return sameOwn(o) && Shape.same(operand, o.operand);
    }

    @Override
    final int binds(Object @Nullable [] out, int index, boolean nodes) {
        return Shape.binds(operand, out, index, nodes);
    }

    @Override
    final Element stripped() {
        Object s = Shape.strip(operand);
        return s == operand ? this : around(s);
    }

    @Override
    void froms(List<Object> out) {
        Shape.froms(operand, out);
    }
}
