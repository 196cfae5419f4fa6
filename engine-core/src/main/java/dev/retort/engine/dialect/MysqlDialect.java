package dev.retort.engine.dialect;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * MySQL. Uses MySQL Connector/J when it is present ({@code com.mysql.cj.jdbc.Driver}); streaming there needs the
 * driver's special fetch size {@code Integer.MIN_VALUE}. Otherwise the MariaDB driver's {@code jdbc:mysql:} support
 * works the same way as {@link MariadbDialect}.
 */
public class MysqlDialect extends MariadbDialect {

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public String driverName() {
        return "mysqlconnector";
    }

    @Override
    public String driverClassName() {
        return "com.mysql.cj.jdbc.Driver";
    }

    @Override
    protected String jdbcSubprotocol() {
        return "mysql";
    }

    @Override
    public void configureStreaming(Statement statement, int fetchSize) throws SQLException {
        boolean connectorJ = statement.getClass().getName().startsWith("com.mysql.");
        statement.setFetchSize(connectorJ ? Integer.MIN_VALUE : fetchSize);
    }
}
