package dev.retort.engine.sql;

import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A statement compiled for a dialect, with its bind values: {@link #sql()} in JDBC form, the
 * {@link #parameters()} and {@link #parameterNames()} in placeholder order. {@link #toString()} shows the
 * placeholders as {@code :name}.
 */
public final class Compiled {

    private final Template template;
    private final Object[] values;
    private Template.@Nullable Rendering rendering;

    Compiled(Template template, Object[] values) {
        this.template = template;
        this.values = values;
    }

    private Template.Rendering rendering() {
        Template.Rendering r = rendering;
        if (r == null) {
            r = template.render(values, null, null, false);
            rendering = r;
        }
        return r;
    }

    /** The SQL with JDBC {@code ?} placeholders (IN lists expanded for this statement's values). */
    public String sql() {
        return rendering().sql();
    }

    /** The bind values in placeholder order; {@code null} for a {@code bindparam} without a value. */
    public List<@Nullable Object> parameters() {
        return Collections.unmodifiableList(rendering().arguments());
    }

    /** The bind parameter names in placeholder order ({@code id_1}, {@code uid}, {@code id_1_1} for IN lists). */
    public List<String> parameterNames() {
        return Collections.unmodifiableList(rendering().names());
    }

    /** The SQL with {@code :name} placeholders. */
    @Override
    public String toString() {
        return template.display(values);
    }
}
