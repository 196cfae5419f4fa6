package dev.retort.engine.sql;

import dev.retort.engine.exc.ArgumentException;
import dev.retort.engine.internal.SqlFlavor;
import dev.retort.engine.schema.Column;
import dev.retort.engine.schema.SqlType;
import dev.retort.engine.schema.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Renders one statement (or expression) for one dialect family into a {@link Template}: SQLAlchemy 2.0's compiler
 * output, on one line. Bind names and anonymous labels share one counter per name ({@code id_1}, {@code count_1});
 * a parameter is a token so that the template can be rendered with {@code ?} (JDBC) or {@code :name} (display),
 * IN lists expanded and schemas translated per execution.
 */
final class SqlCompiler {

    /** Where a SELECT is compiled. */
    enum Nesting {
        /** The statement itself: its columns are the result. */
        TOP,
        /** A subquery in FROM: its columns are labelled with their names. */
        FROM,
        /** Inside an expression (scalar, EXISTS, IN): correlates with the enclosing SELECT. */
        CORRELATED,
        /** The SELECT of INSERT ... SELECT. */
        INSERT
    }

    /** A placeholder. */
    static final class Param {
        final String name;
        /** The index of the value among the statement's extracted values, or -1. */
        final int slot;
        /** Whether an execution parameter of this name supplies (or overrides) the value. */
        final boolean lookup;
        final boolean expanding;
        final Op op;
        final SqlType<?> type;

        Param(String name, int slot, boolean lookup, boolean expanding, Op op, SqlType<?> type) {
            this.name = name;
            this.slot = slot;
            this.lookup = lookup;
            this.expanding = expanding;
            this.op = op;
            this.type = type;
        }
    }

    /** A table's schema prefix, translated per execution. */
    record SchemaToken(@Nullable String schema) {
    }

    final SqlFlavor flavor;
    private final boolean display;
    private final boolean schemaTokens;
    final boolean many;
    private final long added;
    private final long @Nullable [] wide;
    private final List<Object> parts = new ArrayList<>();
    private final StringBuilder sb = new StringBuilder(128);
    private final Map<AnonKey, String> anonNames = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final Map<Object, Integer> slots = new IdentityHashMap<>();
    final List<Param> params = new ArrayList<>();
    private final Deque<List<Object>> scopes = new ArrayDeque<>();
    private final Set<String> columnBinds = new HashSet<>();
    private final Set<String> namedBinds = new HashSet<>();
    private Op currentOp = Op.EQ;
    // the statement's result and primary-key plan
    @Nullable List<Object> resultElements;
    @Nullable List<String> resultKeys;
    boolean returningKey;
    boolean generatedKeys;
    final List<Column<?>> keyColumns = new ArrayList<>();
    final List<Integer> keyParams = new ArrayList<>();
    private final Map<Integer, Integer> columnParams = new HashMap<>();

    SqlCompiler(SqlFlavor flavor, boolean display, boolean schemaTokens, boolean many, long added,
            long @Nullable [] wide) {
        this.flavor = flavor;
        this.display = display;
        this.schemaTokens = schemaTokens;
        this.many = many;
        this.added = added;
        this.wide = wide;
    }

    /** The generic-dialect rendering of an element with {@code :name} binds, for {@code toString()}. */
    static String display(Element element) {
        try {
            SqlCompiler c = new SqlCompiler(SqlFlavor.GENERIC, true, false, false, 0L, null);
            c.assignSlots(element);
            if (element instanceof Statement) {
                element.render(c);
            } else {
                c.expression(element);
            }
            Object[] values = new Object[element.binds(null, 0, false)];
            element.binds(values, 0, false);
            return c.finish(element instanceof Statement s ? s : null).display(values);
        } catch (RuntimeException e) {
            return element.getClass().getSimpleName() + "(cannot render: " + e.getMessage() + ")";
        }
    }

    /** Compiles a value-free (stripped) statement. */
    static Template compile(Statement statement, dev.retort.engine.dialect.Dialect dialect, boolean schemaTokens,
            boolean many, long added, long @Nullable [] wide) {
        SqlCompiler c = new SqlCompiler(SqlFlavor.of(dialect), false, schemaTokens, many, added, wide);
        c.assignSlots(statement);
        statement.render(c);
        c.checkReservedNames();
        return c.finish(statement);
    }

    private void assignSlots(Element root) {
        int count = root.binds(null, 0, true);
        Object[] nodes = new Object[count];
        root.binds(nodes, 0, true);
        for (int i = 0; i < count; i++) {
            slots.putIfAbsent(nodes[i], i);
        }
    }

    private Template finish(@Nullable Statement statement) {
        flush();
        return new Template(this, parts.toArray(), statement, slots.size() == 0 ? 0 : maxSlot() + 1);
    }

    private int maxSlot() {
        int max = -1;
        for (int v : slots.values()) {
            max = Math.max(max, v);
        }
        return max;
    }

    private void checkReservedNames() {
        for (String name : namedBinds) {
            if (columnBinds.contains(name)) {
                throw new ArgumentException("bindparam() name '" + name + "' is reserved for automatic usage in the "
                        + "VALUES or SET clause of this insert/update statement. Please use a name other than the "
                        + "column name when using bindparam() with insert() or update() (for example, 'b_" + name
                        + "').");
            }
        }
    }

    // ================================================================= output

    SqlCompiler append(String s) {
        sb.append(s);
        return this;
    }

    SqlCompiler append(char c) {
        sb.append(c);
        return this;
    }

    private void flush() {
        if (sb.length() > 0) {
            parts.add(sb.toString());
            sb.setLength(0);
        }
    }

    private void token(Object token) {
        flush();
        parts.add(token);
    }

    String quote(String name) {
        return flavor.quote(name);
    }

    /** An object and the base of an anonymous name derived from it; objects compare by identity. */
    private record AnonKey(Object identity, String base) {
        @Override
        public boolean equals(Object o) {
            return o instanceof AnonKey k && k.identity == identity && k.base.equals(base);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(identity) * 31 + base.hashCode();
        }
    }

    /** {@code base_N}, the same for the same object and base within the statement. */
    String anon(Object identity, String base) {
        return anonNames.computeIfAbsent(new AnonKey(identity, base), k -> {
            int n = counters.getOrDefault(base, 1);
            counters.put(base, n + 1);
            return base + "_" + n;
        });
    }

    // ================================================================= expressions

    SqlCompiler expression(@Nullable Object e) {
        if (e instanceof Element element) {
            element.render(this);
        } else if (e instanceof Column<?> c) {
            columnRef(c);
        } else if (e == null) {
            sb.append("NULL");
        } else {
            throw new ArgumentException("Not an expression: " + e);
        }
        return this;
    }

    private void columnRef(Column<?> c) {
        if (c.table() != null) {
            tableRef(c.table()).append('.');
        }
        sb.append(quote(c.name()));
    }

    SqlCompiler tableRef(Table t) {
        if (schemaTokens) {
            token(new SchemaToken(t.schema()));
        } else if (t.schema() != null) {
            sb.append(quote(t.schema())).append('.');
        }
        sb.append(quote(t.name()));
        return this;
    }

    SqlCompiler fromName(FromElement from) {
        if (from instanceof Alias a) {
            sb.append(quote(a.name));
        } else if (from instanceof Subquery s) {
            sb.append(s.name != null ? quote(s.name) : anon(s, "anon"));
        } else {
            throw new ArgumentException("A join has no name to qualify columns with");
        }
        return this;
    }

    String exportedName(FromColumn<?> column) {
        return column.anonymous ? anon(column.source, column.base) : quote(column.base);
    }

    void fromItem(Object from) {
        if (from instanceof Table t) {
            tableRef(t);
        } else {
            ((Element) from).render(this);
        }
    }

    void bind(BindParameter<?> b) {
        String name;
        boolean lookup;
        switch (b.kind) {
            case NAMED -> {
                name = b.key;
                lookup = true;
                namedBinds.add(name);
            }
            case COLUMN -> {
                name = b.key;
                lookup = true;
                columnBinds.add(name);
            }
            default -> {
                name = anon(b, b.key);
                lookup = false;
            }
        }
        Integer slot = slots.get(b);
        if (b.expanding && many) {
            throw new ArgumentException("An expanding IN parameter ('" + name + "') cannot be used with executemany "
                    + "(a list of parameter sets); execute once per set, or pass the whole list to a single "
                    + "in(...)");
        }
        Param p = new Param(name, slot == null ? -1 : slot, lookup, b.expanding, currentOp, b.type);
        params.add(p);
        token(p);
    }

    void binary(Binary<?> b) {
        Op saved = currentOp;
        currentOp = b.op;
        switch (b.op) {
            case IN, NOT_IN -> {
                if (b.op == Op.NOT_IN) {
                    sb.append('(');
                }
                expression(b.left).append(b.op.sql);
                if (b.right instanceof BindParameter<?>) {
                    sb.append('(');
                    expression(b.right);
                    sb.append(')');
                } else {
                    expression(b.right);
                }
                if (b.op == Op.NOT_IN) {
                    sb.append(')');
                }
            }
            case ILIKE, NOT_ILIKE -> {
                if (flavor == SqlFlavor.MYSQL) {
                    sb.append("lower(");
                    expression(b.left).append(b.op == Op.ILIKE ? ") LIKE lower(" : ") NOT LIKE lower(");
                    expression(b.right).append(')');
                } else {
                    expression(b.left).append(b.op.sql).expression(b.right);
                }
            }
            case CONCAT -> {
                if (flavor == SqlFlavor.MYSQL) {
                    sb.append("concat(");
                    expression(b.left).append(", ").expression(b.right).append(')');
                } else {
                    expression(b.left).append(b.op.sql).expression(b.right);
                }
            }
            case BETWEEN, NOT_BETWEEN -> expression(b.left).append(b.op.sql).expression(b.right).append(" AND ")
                    .expression(b.upper);
            default -> expression(b.left).append(b.op.sql).expression(b.right);
        }
        currentOp = saved;
    }

    /** The type name in {@code CAST(x AS type)}; MariaDB/MySQL only cast to a few type names. */
    String castType(SqlType<?> type) {
        if (flavor != SqlFlavor.MYSQL) {
            return type.ddl();
        }
        Class<?> java = type.javaType();
        if (java == String.class) {
            return "CHAR";
        }
        if (java == Integer.class || java == Long.class) {
            return "SIGNED INTEGER";
        }
        if (java == java.time.LocalDateTime.class) {
            return "DATETIME";
        }
        return type.ddl().replace("NUMERIC", "DECIMAL");
    }

    private void criteria(Object[] clauses) {
        if (clauses.length == 1) {
            expression(clauses[0]);
            return;
        }
        for (int i = 0; i < clauses.length; i++) {
            if (i > 0) {
                sb.append(" AND ");
            }
            expression(Ops.group(clauses[i], Op.AND));
        }
    }

    private void list(Object[] items) {
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            expression(items[i]);
        }
    }

    // ================================================================= SELECT

    void select(Select s, Nesting nesting) {
        boolean top = nesting == Nesting.TOP && scopes.isEmpty();
        List<Object> columns = s.selectedColumns();
        List<Object> froms = displayFroms(s, nesting);
        scopes.push(froms);
        sb.append("SELECT ");
        if (s.distinct) {
            sb.append("DISTINCT ");
        }
        Set<String> used = new HashSet<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            keys.add(selectColumn(columns.get(i), nesting, used));
        }
        if (top) {
            resultElements = columns;
            resultKeys = keys;
        }
        if (!froms.isEmpty()) {
            sb.append(" FROM ");
            for (int i = 0; i < froms.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                fromItem(froms.get(i));
            }
        }
        if (s.where.length > 0) {
            sb.append(" WHERE ");
            criteria(s.where);
        }
        if (s.groupBy.length > 0) {
            sb.append(" GROUP BY ");
            list(s.groupBy);
        }
        if (s.having.length > 0) {
            sb.append(" HAVING ");
            criteria(s.having);
        }
        if (s.orderBy.length > 0) {
            sb.append(" ORDER BY ");
            orderBy(s.orderBy, columns);
        }
        limitOffset(s.limit, s.offset);
        if (s.forUpdate) {
            sb.append(" FOR UPDATE");
        }
        scopes.pop();
    }

    /** Renders a selected column and returns its result key. */
    private String selectColumn(Object column, Nesting nesting, Set<String> used) {
        String name = column instanceof Column<?> c ? c.name()
                : column instanceof FromColumn<?> fc ? fc.anonymous ? exportedName(fc) : fc.base : null;
        if (name != null) {
            expression(column);
            String label = !used.add(name) ? anon(column, name) : nesting == Nesting.FROM ? name : null;
            if (label != null) {
                sb.append(" AS ").append(quote(label));
                used.add(label);
                return label;
            }
            return name;
        }
        if (column instanceof Label<?> l) {
            expression(l.operand).append(" AS ").append(quote(l.name));
            used.add(l.name);
            return l.name;
        }
        if (column instanceof LiteralColumn<?> lc) {
            expression(lc);
            used.add(lc.text);
            return lc.text;
        }
        String label = anon(column, column instanceof FunctionCall<?> f ? f.name : "anon");
        expression(column).append(" AS ").append(label);
        used.add(label);
        return label;
    }

    private void orderBy(Object[] items, List<Object> columns) {
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object item = items[i];
            Object target = item instanceof Unary<?> u && (u.op == Op.ASC || u.op == Op.DESC) ? u.operand : item;
            if (target instanceof Label<?> l && columns.contains(l)) {
                sb.append(quote(l.name));
                if (target != item) {
                    sb.append(((Unary<?>) item).op.sql);
                }
            } else {
                expression(item);
            }
        }
    }

    private void limitOffset(@Nullable BindParameter<Integer> limit, @Nullable BindParameter<Integer> offset) {
        switch (flavor) {
            case MYSQL -> {
                if (offset != null) {
                    sb.append(" LIMIT ");
                    bind(offset);
                    sb.append(", ");
                    if (limit != null) {
                        bind(limit);
                    } else {
                        sb.append("18446744073709551615");
                    }
                } else if (limit != null) {
                    sb.append(" LIMIT ");
                    bind(limit);
                }
            }
            case H2 -> {
                if (limit != null) {
                    sb.append(" LIMIT ");
                    bind(limit);
                    if (offset != null) {
                        sb.append(" OFFSET ");
                        bind(offset);
                    }
                } else if (offset != null) {
                    sb.append(" OFFSET ");
                    bind(offset);
                    sb.append(" ROWS");
                }
            }
            default -> {
                if (limit != null) {
                    sb.append(" LIMIT ");
                    bind(limit);
                }
                if (offset != null) {
                    if (limit == null) {
                        sb.append(flavor == SqlFlavor.POSTGRESQL ? " LIMIT ALL" : " LIMIT -1");
                    }
                    sb.append(" OFFSET ");
                    bind(offset);
                }
            }
        }
    }

    private List<Object> displayFroms(Select s, Nesting nesting) {
        List<Object> raw = new ArrayList<>();
        for (Object c : s.columns) {
            if (c instanceof FromClause) {
                raw.add(c);
            } else {
                Shape.froms(c, raw);
            }
        }
        Shape.froms(s.where, raw);
        for (Object f : s.froms) {
            raw.add(f);
        }
        List<Object> froms = new ArrayList<>();
        for (Object f : raw) {
            if (!containsSame(froms, f)) {
                froms.add(f);
            }
        }
        List<Object> hidden = new ArrayList<>();
        for (Object f : froms) {
            if (f instanceof Join j) {
                j.leaves(hidden);
            }
        }
        froms.removeIf(f -> !(f instanceof Join) && containsSame(hidden, f));
        if (nesting == Nesting.CORRELATED && !scopes.isEmpty()) {
            List<Object> enclosing = new ArrayList<>();
            for (List<Object> scope : scopes) {
                for (Object f : scope) {
                    enclosing.add(f);
                    if (f instanceof Join j) {
                        j.leaves(enclosing);
                    }
                }
            }
            List<Object> correlated = new ArrayList<>(froms);
            correlated.removeIf(f -> containsSame(enclosing, f));
            if (!correlated.isEmpty()) {
                return correlated;
            }
        }
        return froms;
    }

    private static boolean containsSame(List<Object> list, Object f) {
        for (Object o : list) {
            if (o == f || o instanceof Table && o.equals(f)) {
                return true;
            }
        }
        return false;
    }

    // ================================================================= INSERT, UPDATE, DELETE

    /** The positions of the columns an INSERT or UPDATE sets: by {@code values()} or added by parameters. */
    private List<Integer> setColumns(ValuesDml<?> s) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s.values.length; i++) {
            if (s.values[i] != null || isAdded(i)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Whether the parameters add the column at table position {@code i}. */
    private boolean isAdded(int i) {
        if (i < 64) {
            return (added & (1L << i)) != 0;
        }
        int w = i / 64 - 1;
        return wide != null && w < wide.length && (wide[w] & (1L << (i % 64))) != 0;
    }

    private Object valueOf(ValuesDml<?> s, int index) {
        Object v = s.values[index];
        if (v != null) {
            return v;
        }
        Column<?> c = s.table.columns().get(index);
        return new BindParameter<>(c.name(), BindParameter.Kind.COLUMN, c.type(), false, false, null);
    }

    private void value(Object v) {
        if (v instanceof BindParameter<?> b) {
            bind(b);
        } else {
            expression(Ops.group(v, null));
        }
    }

    private void checkReturning(Dml s, boolean supported) {
        if (s.returning.length == 0 || display) {
            return;
        }
        if (many) {
            throw new ArgumentException(s.kind() + " ... RETURNING cannot be used with executemany (a list of "
                    + "parameter sets); execute each set on its own, or drop returning()");
        }
        if (!supported) {
            throw new ArgumentException("The '" + flavor.name().toLowerCase(java.util.Locale.ROOT) + "' dialect does "
                    + "not support RETURNING for " + s.kind() + "; drop returning() and read the rows with a SELECT");
        }
    }

    private boolean h2Wrap(Dml s, String table) {
        if (flavor != SqlFlavor.H2 || s.returning.length == 0) {
            return false;
        }
        sb.append("SELECT ");
        for (int i = 0; i < s.returning.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object r = s.returning[i];
            if (r instanceof Column<?> c) {
                sb.append(quote(c.name()));
            } else {
                expression(r);
            }
        }
        sb.append(" FROM ").append(table).append(" TABLE (");
        return true;
    }

    private void returning(Dml s, boolean wrapped) {
        if (s.returning.length == 0) {
            return;
        }
        List<String> keys = new ArrayList<>();
        for (Object r : s.returning) {
            keys.add(r instanceof Column<?> c ? c.name() : Ops.keyOf(r));
        }
        resultElements = List.of(s.returning);
        resultKeys = keys;
        if (wrapped) {
            sb.append(')');
        } else {
            sb.append(" RETURNING ");
            list(s.returning);
        }
    }

    void insert(Insert s) {
        checkReturning(s, flavor.insertReturning());
        if (s.upsert != Insert.Upsert.NONE && flavor == SqlFlavor.GENERIC && !display) {
            throw new ArgumentException("The '" + flavor.name().toLowerCase(java.util.Locale.ROOT) + "' dialect has no "
                    + "upsert; onConflictDoNothing()/onConflictDoUpdate() need PostgreSQL, MariaDB/MySQL or H2");
        }
        boolean wrapped = h2Wrap(s, "FINAL");
        List<Integer> cols = s.fromColumns != null ? fromColumnPositions(s) : setColumns(s);
        if (flavor == SqlFlavor.H2 && s.upsert == Insert.Upsert.DO_NOTHING && s.fromSelect == null) {
            h2MergeDoNothing(s, cols);
        } else if (flavor == SqlFlavor.H2 && s.upsert == Insert.Upsert.DO_UPDATE && s.fromSelect == null) {
            sb.append("MERGE INTO ");
            tableRef(s.table);
            sb.append(" (");
            names(s, cols);
            sb.append(") KEY (");
            list(keyNames(s.conflictKeys));
            sb.append(") VALUES (");
            values(s, cols);
            sb.append(')');
        } else {
            sb.append("INSERT INTO ");
            tableRef(s.table);
            if (s.fromSelect != null) {
                sb.append(" (");
                names(s, cols);
                sb.append(") ");
                select(s.fromSelect, Nesting.INSERT);
            } else if (cols.isEmpty()) {
                sb.append(flavor == SqlFlavor.MYSQL ? " () VALUES ()" : " DEFAULT VALUES");
            } else {
                sb.append(" (");
                names(s, cols);
                sb.append(") VALUES (");
                values(s, cols);
                sb.append(')');
            }
            upsert(s, cols);
        }
        returning(s, wrapped);
        primaryKeyPlan(s, cols);
    }

    private List<Integer> fromColumnPositions(Insert s) {
        List<Integer> out = new ArrayList<>();
        for (Object c : s.fromColumns) {
            out.add(s.table.columns().indexOf(c));
        }
        return out;
    }

    private void names(Dml s, List<Integer> cols) {
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(quote(s.table.columns().get(cols.get(i)).name()));
        }
    }

    private void values(ValuesDml<?> s, List<Integer> cols) {
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object v = valueOf(s, cols.get(i));
            if (v instanceof BindParameter<?>) {
                columnParams.put(cols.get(i), params.size());
            }
            value(v);
        }
    }

    private static Object[] keyNames(Object[] keys) {
        Object[] out = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = new LiteralColumn<>(((Column<?>) keys[i]).name(), Ops.nullType());
        }
        return out;
    }

    private void h2MergeDoNothing(Insert s, List<Integer> cols) {
        sb.append("MERGE INTO ");
        tableRef(s.table);
        sb.append(" USING (VALUES (");
        values(s, cols);
        sb.append(")) AS excluded (");
        names(s, cols);
        sb.append(") ON ");
        for (int i = 0; i < s.conflictKeys.length; i++) {
            if (i > 0) {
                sb.append(" AND ");
            }
            String key = quote(((Column<?>) s.conflictKeys[i]).name());
            tableRef(s.table);
            sb.append('.').append(key).append(" = excluded.").append(key);
        }
        sb.append(" WHEN NOT MATCHED THEN INSERT (");
        names(s, cols);
        sb.append(") VALUES (");
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append("excluded.").append(quote(s.table.columns().get(cols.get(i)).name()));
        }
        sb.append(')');
    }

    private void upsert(Insert s, List<Integer> cols) {
        if (s.upsert == Insert.Upsert.NONE) {
            return;
        }
        List<String> updates = new ArrayList<>();
        for (int i : cols) {
            Column<?> c = s.table.columns().get(i);
            boolean key = false;
            for (Object k : s.conflictKeys) {
                key |= ((Column<?>) k).name().equals(c.name());
            }
            if (!key) {
                updates.add(quote(c.name()));
            }
        }
        String firstKey = quote(((Column<?>) s.conflictKeys[0]).name());
        if (flavor == SqlFlavor.MYSQL) {
            sb.append(" ON DUPLICATE KEY UPDATE ");
            if (s.upsert == Insert.Upsert.DO_NOTHING || updates.isEmpty()) {
                sb.append(firstKey).append(" = ").append(firstKey);
            } else {
                for (int i = 0; i < updates.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(updates.get(i)).append(" = VALUES(").append(updates.get(i))
                            .append(')');
                }
            }
            return;
        }
        sb.append(" ON CONFLICT (");
        list(keyNames(s.conflictKeys));
        sb.append(')');
        if (s.upsert == Insert.Upsert.DO_NOTHING || updates.isEmpty()) {
            sb.append(" DO NOTHING");
        } else {
            sb.append(" DO UPDATE SET ");
            for (int i = 0; i < updates.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(updates.get(i)).append(" = excluded.").append(updates.get(i));
            }
        }
    }

    /**
     * Where an INSERT's primary key comes from: the parameters (when a plain value is inserted), else the database
     * (RETURNING on PostgreSQL, which is appended to a single-row INSERT lacking its autoincrement key, or the
     * driver's generated keys).
     */
    private void primaryKeyPlan(Insert s, List<Integer> cols) {
        if (many || s.fromSelect != null) {
            return;
        }
        Column<?> generated = null;
        for (Column<?> c : s.table.primaryKeyColumns()) {
            int index = s.table.columns().indexOf(c);
            if (!cols.contains(index) && c.isAutoincrement()) {
                generated = c;
            }
            keyColumns.add(c);
            keyParams.add(columnParams.getOrDefault(index, -1));
        }
        if (generated != null && s.returning.length == 0) {
            if (flavor == SqlFlavor.POSTGRESQL) {
                sb.append(" RETURNING ");
                columnRef(generated);
                returningKey = true;
            } else if (flavor != SqlFlavor.H2 || s.upsert == Insert.Upsert.NONE) {
                generatedKeys = true;
            }
        }
    }

    void update(Update s) {
        checkReturning(s, flavor.updateReturning());
        boolean wrapped = h2Wrap(s, "FINAL");
        List<Integer> cols = setColumns(s);
        if (cols.isEmpty()) {
            throw new ArgumentException("update() of table '" + s.table.name() + "' sets no column; add values(column, "
                    + "value) or pass parameters named after columns");
        }
        sb.append("UPDATE ");
        tableRef(s.table);
        sb.append(" SET ");
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(quote(s.table.columns().get(cols.get(i)).name())).append('=');
            value(valueOf(s, cols.get(i)));
        }
        if (s.where.length > 0) {
            sb.append(" WHERE ");
            criteria(s.where);
        }
        returning(s, wrapped);
    }

    void delete(Delete s) {
        checkReturning(s, flavor.deleteReturning());
        boolean wrapped = h2Wrap(s, "OLD");
        sb.append("DELETE FROM ");
        tableRef(s.table);
        if (s.where.length > 0) {
            sb.append(" WHERE ");
            criteria(s.where);
        }
        returning(s, wrapped);
    }
}
