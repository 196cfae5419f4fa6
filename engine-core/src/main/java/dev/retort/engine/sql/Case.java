package dev.retort.engine.sql;

import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.schema.SqlType;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code CASE WHEN condition THEN result ... [ELSE result] END}, built by {@code Sql.case_()}. Results that are not
 * expressions become bind parameters. Immutable: each call returns a copy.
 *
 * @param <T> the Java type of the results
 */
public final class Case<T> extends Expr<T> {

    private static final Object[] NONE = {};

    final Object[] whens; // condition, result, condition, result, ...
    final @Nullable Object otherwise;

    Case(SqlType<T> type, Object[] whens, @Nullable Object otherwise) {
        super(type);
        this.whens = whens;
        this.otherwise = otherwise;
    }

    static <T> Case<T> empty() {
        return new Case<>(Ops.nullType(), NONE, null);
    }

    /** Adds {@code WHEN condition THEN result}. */
    public Case<T> when(ColumnElement<Boolean> condition, @Nullable Object result) {
        Object[] copy = Arrays.copyOf(whens, whens.length + 2);
        copy[whens.length] = condition;
        copy[whens.length + 1] = Ops.operand(result, "param", null);
        return new Case<>(resultType(copy[whens.length + 1]), copy, otherwise);
    }

    /** Sets {@code ELSE result}. */
    public Case<T> else_(@Nullable Object result) {
        Object e = Ops.operand(result, "param", null);
        return new Case<>(resultType(e), whens, e);
    }

    @SuppressWarnings("unchecked")
    private SqlType<T> resultType(Object result) {
        return type.javaType() != Object.class ? type : (SqlType<T>) ((ColumnElement<?>) result).type();
    }

    @Override
    void render(SqlCompiler compiler) {
        if (whens.length == 0) {
            throw new ArgumentException("case_() needs at least one when(condition, result)");
        }
        compiler.append("CASE");
        for (int i = 0; i < whens.length; i += 2) {
            compiler.append(" WHEN ").expression(Ops.group(whens[i], null)).append(" THEN ").expression(whens[i + 1]);
        }
        if (otherwise != null) {
            compiler.append(" ELSE ").expression(otherwise);
        }
        compiler.append(" END");
    }

    @Override
    int shapeHash() {
        return Shape.hash(whens) * 31 + Shape.hash(otherwise);
    }

    @Override
    boolean sameShape(Element other) {
        Case<?> o = (Case<?>) other;
        return type.equals(o.type) && Shape.same(whens, o.whens) && Shape.same(otherwise, o.otherwise);
    }

    @Override
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        return Shape.binds(otherwise, out, Shape.binds(whens, out, index, nodes), nodes);
    }

    @Override
    Element stripped() {
        Object[] w = Shape.strip(whens);
        Object e = Shape.strip(otherwise);
        return w == whens && e == otherwise ? this : new Case<>(type, w, e);
    }

    @Override
    void froms(List<Object> out) {
        Shape.froms(whens, out);
        Shape.froms(otherwise, out);
    }
}
