package dev.retort.engine.exc;

import dev.retort.engine.internal.Truncation;
import org.jspecify.annotations.Nullable;

/**
 * An error while executing a statement that did not come from the driver, such as a missing bind value
 * (SQLAlchemy's {@code StatementError}). The message carries the SQL and, unless the engine hides them,
 * the parameters, both cut to a bounded size as SQLAlchemy cuts them (long SQL, long values, many parameters and many
 * parameter sets; each cut says how much was left out). {@link #statement()} and {@link #parameters()} are whole.
 */
public class StatementException extends EngineException {
    private static final long serialVersionUID = 1L;

    private final @Nullable String statement;
    private final transient @Nullable Object parameters;
    private final boolean hideParameters;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param statement the SQL being executed, if any
     * @param parameters the parameters bound to it (a map, a list of maps or a list of values)
     * @param hideParameters whether the parameters must be kept out of the message
     * @param cause the underlying error
     */
    public StatementException(String message, @Nullable String statement, @Nullable Object parameters,
            boolean hideParameters, @Nullable Throwable cause) {
        super(format(message, statement, parameters, hideParameters), cause);
        this.statement = statement;
        this.parameters = hideParameters ? null : parameters;
        this.hideParameters = hideParameters;
    }

    /** The SQL that failed, or {@code null} when the error was not tied to a statement. */
    public @Nullable String statement() {
        return statement;
    }

    /** The parameters of the failing statement, or {@code null} when none or hidden by {@code hideParameters}. */
    public @Nullable Object parameters() {
        return parameters;
    }

    /** Whether the engine was configured with {@code hideParameters}. */
    public boolean parametersHidden() {
        return hideParameters;
    }

    private static String format(String message, @Nullable String statement, @Nullable Object parameters,
            boolean hide) {
        if (statement == null) {
            return message;
        }
        StringBuilder sb = new StringBuilder(message).append("\n[SQL: ").append(Truncation.statement(statement))
                .append(']');
        if (hide) {
            sb.append("\n[SQL parameters hidden due to hideParameters=true]");
        } else if (parameters != null) {
            sb.append("\n[parameters: ").append(Truncation.parameters(parameters)).append(']');
        }
        return sb.toString();
    }
}
