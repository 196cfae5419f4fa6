package dev.retort.engine;

/**
 * Something {@link Connection#execute(Executable)} can run. Today that is a {@link TextClause} built by
 * {@link Sql#text(String)}; plain strings are deliberately not executable (SQLAlchemy 2.0's
 * {@code ObjectNotExecutableError}): use {@link Connection#execDriverSql} for driver SQL.
 */
public sealed interface Executable permits TextClause {

    /** Statement-level execution options; they take precedence over connection and engine options. */
    ExecutionOptions executionOptions();
}
