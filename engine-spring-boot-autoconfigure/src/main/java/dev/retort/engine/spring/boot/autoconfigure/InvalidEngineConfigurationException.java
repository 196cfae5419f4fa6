package dev.retort.engine.spring.boot.autoconfigure;

/**
 * An engine could not be built from its configuration. Carries the offending property, a description and the
 * action to take, which {@code InvalidEngineConfigurationFailureAnalyzer} shows at start-up. Messages never contain
 * the configured password.
 */
public class InvalidEngineConfigurationException extends RuntimeException {

    private final String property;
    private final String action;

    /** An error in {@code property}, described by {@code description}, fixed by {@code action}. */
    public InvalidEngineConfigurationException(String property, String description, String action) {
        super(description);
        this.property = property;
        this.action = action;
    }

    /** The offending property, e.g. {@code retort.engine.pool.size}. */
    public String getProperty() {
        return property;
    }

    /** What to do about it. */
    public String getAction() {
        return action;
    }
}
