package dev.retort.engine.dialect;

import dev.retort.engine.EngineUrl;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * MySQL. Uses MySQL Connector/J when it is present ({@code com.mysql.cj.jdbc.Driver}); streaming there needs the
 * driver's special fetch size {@code Integer.MIN_VALUE}. Otherwise MariaDB Connector/J serves the {@code jdbc:mysql:}
 * URL (version 3 accepts that scheme only with {@code permitMysqlScheme}, which is added) and behaves as
 * {@link MariadbDialect}.
 */
public class MysqlDialect extends MariadbDialect {

    private static final String CONNECTOR_J = "com.mysql.cj.jdbc.Driver";
    private static final String MARIADB = "org.mariadb.jdbc.Driver";

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public String driverName() {
        return "mysqlconnector";
    }

    /** MySQL Connector/J's driver class when it is on the class path, else MariaDB Connector/J's. */
    @Override
    public String driverClassName() {
        return useMariadbDriver() ? MARIADB : CONNECTOR_J;
    }

    @Override
    protected String jdbcSubprotocol() {
        return "mysql";
    }

    @Override
    public String jdbcUrl(EngineUrl url) {
        String jdbc = super.jdbcUrl(url);
        if (useMariadbDriver() && !url.query().containsKey("permitMysqlScheme")) {
            jdbc += (url.query().isEmpty() ? '?' : '&') + "permitMysqlScheme=true";
        }
        return jdbc;
    }

    @Override
    public void configureStreaming(Statement statement, int fetchSize) throws SQLException {
        boolean connectorJ = statement.getClass().getName().startsWith("com.mysql.");
        statement.setFetchSize(connectorJ ? Integer.MIN_VALUE : fetchSize);
    }

    private static boolean useMariadbDriver() {
        return !present(CONNECTOR_J) && present(MARIADB);
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, MysqlDialect.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
