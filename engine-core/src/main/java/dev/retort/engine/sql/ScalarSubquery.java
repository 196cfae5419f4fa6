package dev.retort.engine.sql;

import dev.retort.engine.schema.SqlType;
import java.util.List;

/** {@code (SELECT ...)} used as an expression; its FROM correlates with the enclosing SELECT's. */
final class ScalarSubquery<T> extends Wrapper<T> {

    ScalarSubquery(Select select, SqlType<T> type) {
        super(type, select);
    }

    @Override
    void render(SqlCompiler compiler) {
        compiler.append('(');
        compiler.select((Select) operand, SqlCompiler.Nesting.CORRELATED);
        compiler.append(')');
    }

    @Override
    int ownHash() {
        return 7;
    }

    @Override
    boolean sameOwn(Wrapper<?> other) {
        return type.equals(other.type);
    }

    @Override
    Wrapper<T> around(Object newOperand) {
        return new ScalarSubquery<>((Select) newOperand, type);
    }

    /** The nested SELECT's FROM objects are its own. */
    @Override
    void froms(List<Object> out) {
    }
}
