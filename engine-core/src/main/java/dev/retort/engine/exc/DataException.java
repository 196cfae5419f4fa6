package dev.retort.engine.exc;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Bad data: value out of range, invalid cast, string too long (SQLState class 22; SQLAlchemy's {@code DataError}).
 */
public class DataException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link DBAPIException#DBAPIException}. */
    public DataException(@Nullable String statement, @Nullable Object parameters, boolean hideParameters, SQLException orig,
            boolean connectionInvalidated) {
        super(statement, parameters, hideParameters, orig, connectionInvalidated);
    }
}
