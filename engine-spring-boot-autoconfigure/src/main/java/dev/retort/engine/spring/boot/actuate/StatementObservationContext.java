package dev.retort.engine.spring.boot.actuate;

import io.micrometer.observation.Observation;

/**
 * The {@link Observation.Context} of a {@link RetortObservationDocumentation#STATEMENT retort.statement} observation:
 * one statement execution. Carries the SQL as the driver gets it (with {@code ?} placeholders), never parameter
 * values.
 */
public final class StatementObservationContext extends Observation.Context {

    private final String engineName;
    private final String dbSystem;
    private final String operation;
    private final String sql;
    private final boolean executemany;
    private long rowCount = -1;

    /**
     * Creates the context of one execution.
     *
     * @param engineName the engine (bean) name
     * @param dbSystem the dialect name, e.g. {@code postgresql}
     * @param operation {@code select}, {@code insert}, {@code update}, {@code delete}, {@code ddl} or {@code other}
     * @param sql the SQL in the driver's {@code ?} form
     * @param executemany whether this is one JDBC batch of several parameter sets
     */
    public StatementObservationContext(String engineName, String dbSystem, String operation, String sql,
            boolean executemany) {
        this.engineName = engineName;
        this.dbSystem = dbSystem;
        this.operation = operation;
        this.sql = sql;
        this.executemany = executemany;
    }

    /** The engine (bean) name. */
    public String getEngineName() {
        return engineName;
    }

    /** The dialect name, e.g. {@code postgresql}, {@code mariadb}, {@code h2}. */
    public String getDbSystem() {
        return dbSystem;
    }

    /** The statement's operation, derived once per parsed statement. */
    public String getOperation() {
        return operation;
    }

    /** The SQL as the driver gets it; parameter values are never part of it. */
    public String getSql() {
        return sql;
    }

    /** Whether this execution is an executemany (one JDBC batch). */
    public boolean isExecutemany() {
        return executemany;
    }

    /** Rows affected (DML), or -1 for queries and before the statement completed. */
    public long getRowCount() {
        return rowCount;
    }

    /** Sets the rows affected; called when the statement completed. */
    public void setRowCount(long rowCount) {
        this.rowCount = rowCount;
    }
}
