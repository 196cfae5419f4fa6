package dev.retort.engine;

import dev.retort.engine.exc.ArgumentException;
import java.sql.Connection;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Transaction isolation levels, named as SQLAlchemy names them. {@link #AUTOCOMMIT} is not a real isolation level:
 * it switches the JDBC connection to autocommit, which makes {@code commit()} and {@code rollback()} no-ops.
 */
public enum IsolationLevel {
    /** {@code READ UNCOMMITTED}. */
    READ_UNCOMMITTED("READ UNCOMMITTED", Connection.TRANSACTION_READ_UNCOMMITTED),
    /** {@code READ COMMITTED}. */
    READ_COMMITTED("READ COMMITTED", Connection.TRANSACTION_READ_COMMITTED),
    /** {@code REPEATABLE READ}. */
    REPEATABLE_READ("REPEATABLE READ", Connection.TRANSACTION_REPEATABLE_READ),
    /** {@code SERIALIZABLE}. */
    SERIALIZABLE("SERIALIZABLE", Connection.TRANSACTION_SERIALIZABLE),
    /** JDBC autocommit: every statement commits on its own. */
    AUTOCOMMIT("AUTOCOMMIT", Connection.TRANSACTION_NONE);

    private final String sqlName;
    private final int jdbcLevel;

    IsolationLevel(String sqlName, int jdbcLevel) {
        this.sqlName = sqlName;
        this.jdbcLevel = jdbcLevel;
    }

    /** The level as SQL spells it, e.g. {@code REPEATABLE READ}. */
    public String sqlName() {
        return sqlName;
    }

    /** The {@code java.sql.Connection.TRANSACTION_*} constant ({@code TRANSACTION_NONE} for AUTOCOMMIT). */
    public int jdbcLevel() {
        return jdbcLevel;
    }

    /**
     * Parses a level name the way SQLAlchemy normalises it: case-insensitive, underscores read as spaces, so
     * {@code "repeatable_read"} is {@link #REPEATABLE_READ}.
     *
     * @return the level, or {@code null} when the name is not a level
     */
    public static @Nullable IsolationLevel lookup(String name) {
        String normalized = name.trim().replace('_', ' ').toUpperCase(Locale.ROOT);
        for (IsolationLevel level : values()) {
            if (level.sqlName.equals(normalized)) {
                return level;
            }
        }
        return null;
    }

    /**
     * Like {@link #lookup(String)}, but an unknown name raises {@link ArgumentException} listing the valid names.
     */
    public static IsolationLevel parse(String name) {
        IsolationLevel level = lookup(name);
        if (level == null) {
            throw new ArgumentException("Invalid value '" + name + "' for isolation_level. Valid isolation levels are "
                    + "AUTOCOMMIT, READ COMMITTED, READ UNCOMMITTED, REPEATABLE READ, SERIALIZABLE");
        }
        return level;
    }

    /** Maps a {@code java.sql.Connection.TRANSACTION_*} constant back to a level; {@code null} if unknown. */
    public static @Nullable IsolationLevel fromJdbc(int jdbcLevel) {
        for (IsolationLevel level : values()) {
            if (level.jdbcLevel == jdbcLevel && level != AUTOCOMMIT) {
                return level;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return sqlName;
    }
}
