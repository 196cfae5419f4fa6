package dev.retort.engine.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * {@link EngineFailureWebTest} on H2, with a driver that fails the write the way pgjdbc does when the database
 * connection broke: an I/O error caused by {@code SocketException: Broken pipe}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrokenPipeH2WebTest extends EngineFailureWebTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ItemController.class)
    static class App {

        /** The failing driver below breaks every statement writing the payload column. */
        @Bean
        ConnectionBreaker breaker() {
            return connection -> {
            };
        }

        @Bean
        DataSource dataSource() {
            DataSource h2 = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:pipe_" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1", "sa", "");
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
                    (proxy, method, args) -> {
                        Object result = invoke(h2, method, args);
                        return result instanceof Connection c ? wrap(c, Connection.class,
                                (p, m, a) -> m.getName().equals("prepareStatement") && String.valueOf(a[0])
                                        .contains("payload") ? brokenStatement() : invoke(c, m, a)) : result;
                    });
        }

        private static PreparedStatement brokenStatement() {
            return wrap(null, PreparedStatement.class, (p, m, a) -> {
                if (m.getName().startsWith("execute")) {
                    throw new SQLException("An I/O error occurred while sending to the backend.", "08006",
                            new SocketException("Broken pipe"));
                }
                return m.getName().equals("close") || m.getName().startsWith("set") ? null : defaultValue(m);
            });
        }

        private static Object defaultValue(java.lang.reflect.Method m) {
            return m.getReturnType() == boolean.class ? false : m.getReturnType() == int.class ? 0 : null;
        }

        @SuppressWarnings("unchecked")
        private static <T> T wrap(Object target, Class<T> type, InvocationHandler handler) {
            return (T) Proxy.newProxyInstance(App.class.getClassLoader(), new Class<?>[] { type }, handler);
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

}
