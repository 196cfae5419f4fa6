package dev.retort.engine.internal;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC behind a mock engine ({@code Engine.mock}, SQLAlchemy's {@code create_mock_engine}): a {@link DataSource}
 * whose connections execute nothing. Each statement's SQL (and each {@code SAVEPOINT}) goes to a sink; queries return
 * no rows and updates count -1. The engine runs its ordinary path over it, so it needs no mock special cases.
 */
public final class MockJdbc {

    private MockJdbc() {
    }

    /** A data source whose connections hand every statement's SQL to {@code sink}. */
    public static DataSource dataSource(Consumer<String> sink) {
        return proxy(DataSource.class, (method, args) -> "getConnection".equals(method.getName())
                ? connection(sink) : null);
    }

    private static Connection connection(Consumer<String> sink) {
        return proxy(Connection.class, (method, args) -> switch (method.getName()) {
            case "prepareStatement" -> statement(PreparedStatement.class, sink, (String) args[0]);
            case "createStatement" -> statement(Statement.class, sink, null);
            case "setSavepoint" -> savepoint(sink, args != null && args.length == 1 ? (String) args[0] : "savepoint");
            case "getAutoCommit" -> Boolean.TRUE;
            case "getTransactionIsolation" -> Connection.TRANSACTION_READ_COMMITTED;
            default -> null;
        });
    }

    private static <S extends Statement> S statement(Class<S> type, Consumer<String> sink, @Nullable String prepared) {
        return proxy(type, (method, args) -> switch (method.getName()) {
            case "execute", "executeUpdate", "executeQuery", "executeLargeUpdate" -> {
                sink.accept(prepared != null ? prepared : (String) args[0]);
                yield method.getReturnType() == boolean.class ? Boolean.FALSE : null;
            }
            case "executeBatch" -> {
                sink.accept(prepared);
                yield new int[0];
            }
            case "getUpdateCount" -> -1;
            default -> null;
        });
    }

    private static Savepoint savepoint(Consumer<String> sink, String name) {
        sink.accept("SAVEPOINT " + name);
        return proxy(Savepoint.class, (method, args) -> "getSavepointName".equals(method.getName()) ? name : null);
    }

    /** Answers a call; {@code null} means the type's default (false, 0 or null). */
    private interface Answer {
        @Nullable Object answer(Method method, Object @Nullable [] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        Object instance = Proxy.newProxyInstance(MockJdbc.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    switch (method.getName()) {
                        case "hashCode":
                            return System.identityHashCode(self);
                        case "equals":
                            return self == args[0];
                        case "toString":
                            return "mock " + type.getSimpleName();
                        default:
                            break;
                    }
                    Object value = answer.answer(method, args);
                    return value != null ? value : defaultValue(method.getReturnType());
                });
        return type.cast(instance);
    }

    private static @Nullable Object defaultValue(Class<?> type) {
        return type.isPrimitive() && type != void.class ? Array.get(Array.newInstance(type, 1), 0) : null;
    }
}
