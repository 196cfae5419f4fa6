package dev.retort.engine.sql;

import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.schema.Column;
import dev.retort.engine.schema.SqlType;
import dev.retort.engine.schema.Types;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds expression nodes the way SQLAlchemy's operators do (bind naming, parenthesising, negation). */
final class Ops {

    private static final SqlType<Object> NULLTYPE = SqlType.of("NULL", Object.class);
    static final LiteralColumn<Object> NULL = new LiteralColumn<>("NULL", NULLTYPE);

    private Ops() {
    }

    @SuppressWarnings("unchecked")
    static <T> SqlType<T> nullType() {
        return (SqlType<T>) NULLTYPE;
    }

    /** The name binds compared with {@code e} derive from: a column's name, a function's, else {@code param}. */
    static String keyOf(Object e) {
        if (e instanceof Column<?> c) {
            return c.name();
        }
        String key = e instanceof Expr<?> x ? x.key() : null;
        return key != null ? key : "param";
    }

    /** {@code e}, in parentheses when it needs them inside an expression of {@code against}. */
    static Object group(Object e, @Nullable Op against) {
        return e instanceof Expr<?> x ? x.groupedAgainst(against) : e;
    }

    /** Checks that {@code e} is something this package can compile. */
    static Object element(Object e) {
        if (e instanceof Element || e instanceof Column<?>) {
            return e;
        }
        throw new ArgumentException(e.getClass().getName() + " is not an expression Retort can compile; build "
                + "expressions from Table columns and the factories of Sql");
    }

    /** An expression operand: expressions as they are, other values as binds named after {@code base}. */
    static Object operand(@Nullable Object value, String base, @Nullable SqlType<?> type) {
        if (value instanceof ColumnElement<?> e) {
            return element(e);
        }
        return BindParameter.literal(base, type != null ? type : typeOf(value), value);
    }

    /** The type of a literal value: by its class, else untyped. */
    @SuppressWarnings("unchecked")
    static <T> SqlType<T> typeOf(@Nullable Object value) {
        SqlType<?> t;
        if (value instanceof Integer) {
            t = Types.INTEGER;
        } else if (value instanceof Long) {
            t = Types.BIGINT;
        } else if (value instanceof String) {
            t = Types.TEXT;
        } else if (value instanceof Boolean) {
            t = Types.BOOLEAN;
        } else if (value instanceof Double) {
            t = Types.DOUBLE;
        } else if (value instanceof LocalDate) {
            t = Types.DATE;
        } else if (value instanceof LocalDateTime) {
            t = Types.TIMESTAMP;
        } else if (value instanceof byte[]) {
            t = Types.LARGE_BINARY;
        } else if (value instanceof BigDecimal) {
            t = SqlType.of("NUMERIC", BigDecimal.class);
        } else {
            t = NULLTYPE;
        }
        return (SqlType<T>) t;
    }

    /** The type of values of class {@code type}. */
    @SuppressWarnings("unchecked")
    static <T> SqlType<T> typeFor(Class<T> type) {
        for (SqlType<?> t : List.of(Types.INTEGER, Types.BIGINT, Types.TEXT, Types.BOOLEAN, Types.DOUBLE, Types.DATE,
                Types.TIMESTAMP, Types.LARGE_BINARY)) {
            if (t.javaType() == type) {
                return (SqlType<T>) t;
            }
        }
        return type == BigDecimal.class ? (SqlType<T>) SqlType.of("NUMERIC", BigDecimal.class)
                : SqlType.of("NULL", type);
    }

    static ColumnElement<Boolean> compare(ColumnElement<?> left, Op op, @Nullable Object value) {
        element(left);
        if (value == null && (op == Op.EQ || op == Op.NE)) {
            return new Binary<>(group(left, Op.IS), op == Op.EQ ? Op.IS : Op.IS_NOT, NULL, null, Types.BOOLEAN);
        }
        return compareAny(left, op, value);
    }

    static ColumnElement<Boolean> compareAny(ColumnElement<?> left, Op op, @Nullable Object value) {
        element(left);
        Object right = value == null ? NULL : value instanceof ColumnElement<?> e ? group(element(e), op)
                : operand(value, keyOf(left), left.type());
        return new Binary<>(group(left, op), op, right, null, Types.BOOLEAN);
    }

    static ColumnElement<Boolean> in(ColumnElement<?> left, Op op, Object values) {
        element(left);
        Object right;
        if (values instanceof Collection<?> c) {
            right = new BindParameter<>(keyOf(left), BindParameter.Kind.ANONYMOUS, left.type(), true, true, c);
        } else if (values instanceof Select s) {
            right = new ScalarSubquery<>(s, NULLTYPE);
        } else {
            right = ((BindParameter<?>) values).asExpanding();
        }
        return new Binary<>(group(left, op), op, right, null, Types.BOOLEAN);
    }

    static ColumnElement<Boolean> between(ColumnElement<?> left, @Nullable Object lower, @Nullable Object upper) {
        element(left);
        String key = keyOf(left);
        return new Binary<>(group(left, Op.BETWEEN), Op.BETWEEN, operand(lower, key, left.type()),
                operand(upper, key, left.type()), Types.BOOLEAN);
    }

    static <T> ColumnElement<T> arithmetic(ColumnElement<T> left, Op op, Object other) {
        element(left);
        Op actual = op == Op.ADD && left.type().javaType() == String.class ? Op.CONCAT : op;
        Object right = other instanceof ColumnElement<?> e ? group(element(e), actual)
                : operand(other, keyOf(left), left.type());
        return new Binary<>(group(left, actual), actual, right, null, left.type());
    }

    @SuppressWarnings("unchecked")
    static ColumnElement<String> concat(ColumnElement<?> left, Object other) {
        element(left);
        SqlType<String> type = left.type().javaType() == String.class ? (SqlType<String>) left.type() : Types.TEXT;
        Object right = other instanceof ColumnElement<?> e ? group(element(e), Op.CONCAT)
                : operand(other, keyOf(left), type);
        return new Binary<>(group(left, Op.CONCAT), Op.CONCAT, right, null, type);
    }

    static ColumnElement<Boolean> not(ColumnElement<Boolean> e) {
        element(e);
        if (e instanceof Binary<Boolean> b) {
            Binary<Boolean> negated = b.negated();
            if (negated != null) {
                return negated;
            }
        }
        if (e instanceof Unary<Boolean> u && u.op == Op.NOT) {
            return (ColumnElement<Boolean>) u.operand;
        }
        if (e instanceof Grouping<Boolean> g) {
            return not(g.element());
        }
        return new Unary<>(Op.NOT, group(e, Op.NOT), Types.BOOLEAN);
    }

    @SafeVarargs
    static ColumnElement<Boolean> bool(Op op, ColumnElement<Boolean>... clauses) {
        if (clauses.length == 1) {
            return (ColumnElement<Boolean>) element(clauses[0]);
        }
        Object[] items = new Object[clauses.length];
        for (int i = 0; i < clauses.length; i++) {
            items[i] = element(clauses[i]);
        }
        return new BoolList(op, items);
    }
}
