package dev.retort.engine.dialect;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * MySQL through MySQL Connector/J ({@code mysql://}, {@code com.mysql.cj.jdbc.Driver}); streaming there needs the
 * driver's special fetch size {@code Integer.MIN_VALUE}. {@code mysql+mariadbconnector://} uses MariaDB Connector/J
 * instead ({@link MysqlMariadbConnectorDialect}).
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
        // behind HikariCP the statement is a proxy: look at the driver's own class
        Statement raw = statement.isWrapperFor(Statement.class) ? statement.unwrap(Statement.class) : statement;
        boolean connectorJ = raw.getClass().getName().startsWith("com.mysql.");
        statement.setFetchSize(connectorJ ? Integer.MIN_VALUE : fetchSize);
    }
}
