package dev.retort.engine.sql;

import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.schema.Column;
import dev.retort.engine.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A table under another name, {@code users AS u2}, made by {@link Table#alias(String)}. */
public final class Alias extends FromElement {

    final Table table;
    final String name;
    private final List<FromColumn<?>> columns;

    /** {@code table AS name}. */
    public Alias(Table table, String name) {
        if (name == null || name.isEmpty()) {
            throw new ArgumentException("alias() needs a non-empty name");
        }
        this.table = table;
        this.name = name;
        List<FromColumn<?>> list = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            list.add(column(c, list.size()));
        }
        this.columns = Collections.unmodifiableList(list);
    }

    private <T> FromColumn<T> column(Column<T> c, int index) {
        return new FromColumn<>(this, c.name(), false, index, c, c.type());
    }

    /** The aliased table. */
    public Table table() {
        return table;
    }

    /** The alias name. */
    public String name() {
        return name;
    }

    @Override
    public List<FromColumn<?>> columns() {
        return columns;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ColumnElement<T> c(ColumnElement<T> column) {
        if (column instanceof Column<?> c && table.equals(c.table())) {
            return (ColumnElement<T>) c(c.name());
        }
        if (column instanceof FromColumn<?> fc && fc.from == this) {
            return column;
        }
        throw new ArgumentException("Alias '" + name + "' of table '" + table.name() + "' has no column for "
                + column);
    }

    @Override
    String description() {
        return "Alias '" + name + "' of table '" + table.name() + "'";
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.tableRef(table).append(" AS ").append(compiler.quote(name));
    }

    @Override
    int shapeHash() {
        return table.hashCode() * 31 + name.hashCode();
    }

    @Override
    boolean sameShape(Element other) {
        Alias o = (Alias) other;
        return name.equals(o.name) && table.equals(o.table);
    }
}
