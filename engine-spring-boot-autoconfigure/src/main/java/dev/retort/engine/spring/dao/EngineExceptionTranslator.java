package dev.retort.engine.spring.dao;

import dev.retort.engine.exc.DBAPIException;
import dev.retort.engine.exc.DisconnectionException;
import dev.retort.engine.exc.MultipleResultsFoundException;
import dev.retort.engine.exc.NoResultFoundException;
import dev.retort.engine.exc.PoolTimeoutException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Turns engine exceptions thrown through {@code @Repository} beans into Spring {@link DataAccessException}s, so
 * callers handle Retort and {@code JdbcTemplate} failures alike. A {@link DBAPIException} is translated from its
 * driver exception ({@link DBAPIException#orig()}) with Spring's {@link SQLExceptionTranslator} (a duplicate key
 * becomes {@code DuplicateKeyException}, a deadlock {@code CannotAcquireLockException}, …);
 * {@link NoResultFoundException}/{@link MultipleResultsFoundException} become result-size exceptions;
 * pool timeouts and disconnects become {@link DataAccessResourceFailureException}. Other exceptions (usage errors
 * such as {@code InvalidRequestException}) are left alone.
 */
public class EngineExceptionTranslator implements PersistenceExceptionTranslator {

    private final SQLExceptionTranslator sqlTranslator;

    /** A translator using Spring's {@link SQLExceptionSubclassTranslator} (which falls back to SQLState codes). */
    public EngineExceptionTranslator() {
        this(new SQLExceptionSubclassTranslator());
    }

    /** A translator using the given {@link SQLExceptionTranslator} for driver errors. */
    public EngineExceptionTranslator(SQLExceptionTranslator sqlTranslator) {
        this.sqlTranslator = Objects.requireNonNull(sqlTranslator, "sqlTranslator");
    }

    @Override
    public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        if (ex instanceof DBAPIException dbapi) {
            DataAccessException translated = sqlTranslator.translate("Retort", dbapi.statement(), dbapi.orig());
            if (translated == null) {
                translated = new UncategorizedSQLException("Retort", dbapi.statement(), dbapi.orig());
            }
            return translated;
        }
        if (ex instanceof NoResultFoundException) {
            return new EmptyResultDataAccessException(ex.getMessage(), 1, ex);
        }
        if (ex instanceof MultipleResultsFoundException) {
            return new IncorrectResultSizeDataAccessException(ex.getMessage(), 1, ex);
        }
        if (ex instanceof PoolTimeoutException || ex instanceof DisconnectionException) {
            return new DataAccessResourceFailureException(ex.getMessage(), ex);
        }
        return null;
    }
}
