package dev.retort.engine.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a bad {@code retort.engine.*} setting at start-up as a description and an action instead of a stack
 * trace. Registered in {@code META-INF/spring.factories}.
 */
class InvalidEngineConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidEngineConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidEngineConfigurationException cause) {
        return new FailureAnalysis("The Retort engine could not be configured: " + cause.getMessage()
                + "\n\nProperty: " + cause.getProperty(), cause.getAction(), cause);
    }
}
