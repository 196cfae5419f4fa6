package dev.retort.engine.sql;

import dev.retort.engine.schema.SqlType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A bind parameter: {@code Sql.bindparam("uid")} takes its value from the execution's parameters under its key; the
 * literal values of comparisons ({@code users.id.eq(5)}) are anonymous bind parameters named after what they are
 * compared with ({@code :id_1}). Values are never part of a cached statement.
 *
 * @param <T> the Java type of the value
 */
public final class BindParameter<T> extends Expr<T> {

    /** How the parameter is named and where its value comes from. */
    enum Kind {
        /** {@code bindparam(name)}: named as given, value from the execution's parameters. */
        NAMED,
        /** A literal value: named {@code key_N} at compile time, value carried by the statement. */
        ANONYMOUS,
        /** The value of a column in INSERT VALUES / UPDATE SET: named after the column, overridable by parameters. */
        COLUMN
    }

    final String key;
    final Kind kind;
    final boolean expanding;
    final boolean hasValue;
    final @Nullable Object value;

    BindParameter(String key, Kind kind, SqlType<T> type, boolean expanding, boolean hasValue, @Nullable Object value) {
        super(type);
        this.key = Objects.requireNonNull(key, "key");
        this.kind = kind;
        this.expanding = expanding;
        this.hasValue = hasValue;
        this.value = value;
    }

    static <T> BindParameter<T> named(String name, SqlType<T> type) {
        if (name == null || name.isEmpty()) {
            throw new dev.retort.engine.exc.ArgumentException("bindparam() needs a non-empty name");
        }
        return new BindParameter<>(name, Kind.NAMED, type, false, false, null);
    }

    static <T> BindParameter<T> literal(String base, SqlType<T> type, @Nullable Object value) {
        return new BindParameter<>(base, Kind.ANONYMOUS, type, false, true, value);
    }

    /** The parameter name ({@code bindparam}) or, for a literal value, the base its compiled name derives from. */
    public String key() {
        return key;
    }

    /** Whether the parameter stands for a collection, rendered as one placeholder per element ({@code IN}). */
    public boolean expanding() {
        return expanding;
    }

    BindParameter<T> asExpanding() {
        return expanding ? this : new BindParameter<>(key, kind, type, true, hasValue, value);
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.bind(this);
    }

    @Override
    int shapeHash() {
        return ((key.hashCode() * 31 + kind.ordinal()) * 31 + type.hashCode()) * 4 + (expanding ? 2 : 0)
                + (hasValue ? 1 : 0);
    }

    @Override
    boolean sameShape(Element other) {
        BindParameter<?> o = (BindParameter<?>) other;
        return kind == o.kind && expanding == o.expanding && hasValue == o.hasValue && key.equals(o.key)
                && type.equals(o.type);
    }

    @Override
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        if (!hasValue) {
            return index;
        }
        if (out != null) {
            out[index] = nodes ? this : value;
        }
        return index + 1;
    }

    @Override
    Element stripped() {
        return value == null ? this : new BindParameter<>(key, kind, type, expanding, hasValue, null);
    }
}
