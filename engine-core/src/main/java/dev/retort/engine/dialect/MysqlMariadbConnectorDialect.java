package dev.retort.engine.dialect;

import dev.retort.engine.EngineUrl;

/**
 * MySQL through MariaDB Connector/J, {@code mysql+mariadbconnector://} (SQLAlchemy's name). Connector/J 3 serves a
 * {@code jdbc:mysql:} URL only with {@code permitMysqlScheme}, which is added; it streams with a positive fetch size.
 */
public class MysqlMariadbConnectorDialect extends MysqlDialect {

    @Override
    public String driverName() {
        return "mariadbconnector";
    }

    @Override
    public String driverClassName() {
        return "org.mariadb.jdbc.Driver";
    }

    @Override
    public String jdbcUrl(EngineUrl url) {
        String jdbc = super.jdbcUrl(url);
        if (url.query().containsKey("permitMysqlScheme")) {
            return jdbc;
        }
        return jdbc + (url.query().isEmpty() ? '?' : '&') + "permitMysqlScheme=true";
    }
}
