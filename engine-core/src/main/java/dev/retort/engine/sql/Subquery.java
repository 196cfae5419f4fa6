package dev.retort.engine.sql;

import dev.retort.engine.exc.ArgumentException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A SELECT in a FROM clause, {@code (SELECT ...) AS name} ({@code anon_1} when unnamed), made by
 * {@link Select#subquery()}. Its columns are the SELECT's, under their result names.
 */
public final class Subquery extends FromElement {

    final Select select;
    final @Nullable String name;
    private final List<FromColumn<?>> columns;

    Subquery(Select select, @Nullable String name) {
        this.select = select;
        this.name = name;
        List<FromColumn<?>> list = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Object item : select.selectedColumns()) {
            list.add(column(item, list.size(), names));
        }
        this.columns = Collections.unmodifiableList(list);
    }

    /**
     * The column for a selected item. A column repeating the name of an earlier one is labelled {@code name_N} inside
     * the subquery (SQLAlchemy's dedupe), so it is referenced as an anonymous column: by that label.
     */
    private FromColumn<?> column(Object item, int index, Set<String> names) {
        ColumnElement<?> e = (ColumnElement<?>) item;
        boolean deduped = e instanceof dev.retort.engine.schema.Column<?> || e instanceof FromColumn<?> fc
                && !fc.anonymous;
        boolean named = deduped || e instanceof Label<?> || e instanceof LiteralColumn<?>;
        String base = named ? Ops.keyOf(e) : e instanceof FunctionCall<?> f ? f.name : "anon";
        boolean repeated = named && !names.add(base) && deduped;
        return new FromColumn<>(this, base, !named || repeated, index, e, e.type());
    }

    /** The name given to {@link Select#subquery(String)}, or {@code null} (compiled as {@code anon_N}). */
    public @Nullable String name() {
        return name;
    }

    @Override
    public List<FromColumn<?>> columns() {
        return columns;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ColumnElement<T> c(ColumnElement<T> column) {
        for (FromColumn<?> c : columns) {
            if (c.source == column || Shape.same(c.source, column)) {
                return (ColumnElement<T>) c;
            }
        }
        throw new ArgumentException(description() + " has no column for " + column);
    }

    @Override
    String description() {
        return name == null ? "The subquery" : "Subquery '" + name + "'";
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.append('(');
        compiler.select(select, SqlCompiler.Nesting.FROM);
        compiler.append(") AS ").fromName(this);
    }

    @Override
    int shapeHash() {
        return select.shapeHash() * 31 + (name == null ? 0 : name.hashCode());
    }

    @Override
    boolean sameShape(Element other) {
        Subquery o = (Subquery) other;
        return java.util.Objects.equals(name, o.name) && select.sameShape(o.select);
    }

    @Override
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        return select.binds(out, index, nodes);
    }

    private @Nullable Subquery strippedCopy;

    /** One stripped copy per subquery, so that all columns of the copy's statement share it. */
    @Override
    synchronized Element stripped() {
        if (strippedCopy == null) {
            strippedCopy = new Subquery((Select) select.stripped(), name);
        }
        return strippedCopy;
    }
}
