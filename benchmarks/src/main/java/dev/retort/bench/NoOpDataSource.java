package dev.retort.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A {@link DataSource} whose connections accept every statement and execute nothing (no rows, update count -1), so
 * that a real engine — with its compiled and text caches, unlike {@code Engine.mock} — can be measured without a
 * database. Its cost is the same for every case of {@link CompileBenchmark}; {@code driverSql} measures it.
 */
final class NoOpDataSource {

    private NoOpDataSource() {
    }

    static DataSource create() {
        Connection connection = proxy(Connection.class, (self, method, args) -> switch (method.getName()) {
            case "prepareStatement" -> proxy(PreparedStatement.class, NoOpDataSource::statement);
            case "createStatement" -> proxy(Statement.class, NoOpDataSource::statement);
            case "getAutoCommit" -> Boolean.TRUE;
            case "getTransactionIsolation" -> Connection.TRANSACTION_READ_COMMITTED;
            default -> common(self, method.getName(), args, method.getReturnType());
        });
        return proxy(DataSource.class, (self, method, args) -> "getConnection".equals(method.getName())
                ? connection : common(self, method.getName(), args, method.getReturnType()));
    }

    private static Object statement(Object self, java.lang.reflect.Method method, Object[] args) {
        return switch (method.getName()) {
            case "getUpdateCount" -> -1;
            case "executeBatch" -> new int[0];
            default -> common(self, method.getName(), args, method.getReturnType());
        };
    }

    /** {@code Object}'s methods, and the zero value of the return type for everything else. */
    private static Object common(Object self, String name, Object[] args, Class<?> returnType) {
        return switch (name) {
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            case "toString" -> "no-op JDBC";
            default -> zero(returnType);
        };
    }

    private static Object zero(Class<?> type) {
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(NoOpDataSource.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }
}
