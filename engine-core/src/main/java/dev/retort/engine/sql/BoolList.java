package dev.retort.engine.sql;

import dev.retort.engine.schema.Types;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code a AND b AND ...} or {@code a OR b OR ...}. */
final class BoolList extends Expr<Boolean> {

    final Op op;
    final Object[] clauses;

    BoolList(Op op, Object[] clauses) {
        super(Types.BOOLEAN);
        this.op = op;
        this.clauses = clauses;
    }

    @Override
    Object groupedAgainst(@Nullable Op against) {
        return clauses.length > 1 && op.groupsAgainst(against) ? new Grouping<>(this) : this;
    }

    @Override
    void render(SqlCompiler compiler) {
        for (int i = 0; i < clauses.length; i++) {
            if (i > 0) {
                compiler.append(op.sql);
            }
            compiler.expression(Ops.group(clauses[i], op));
        }
    }

    @Override
    int shapeHash() {
        return op.ordinal() * 31 + Shape.hash(clauses);
    }

    @Override
    boolean sameShape(Element other) {
        BoolList o = (BoolList) other;
        return op == o.op && Shape.same(clauses, o.clauses);
    }

    @Override
    int binds(Object @Nullable [] out, int index, boolean nodes) {
        return Shape.binds(clauses, out, index, nodes);
    }

    @Override
    Element stripped() {
        Object[] s = Shape.strip(clauses);
        return s == clauses ? this : new BoolList(op, s);
    }

    @Override
    void froms(List<Object> out) {
        Shape.froms(clauses, out);
    }
}
