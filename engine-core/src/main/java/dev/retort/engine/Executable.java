package dev.retort.engine;

/**
 * Something {@link Connection#execute(Executable)} can run: a {@link TextClause} built by {@link Sql#text(String)} or a
 * {@link ClauseStatement} of the SQL expression language ({@code Sql.select(...)} and friends). Plain strings are
 * deliberately not executable (SQLAlchemy 2.0's {@code ObjectNotExecutableError}): use
 * {@link Connection#execDriverSql} for driver SQL.
 */
public sealed interface Executable permits TextClause, ClauseStatement {

    /** Statement-level execution options; they take precedence over connection and engine options. */
    ExecutionOptions executionOptions();
}
