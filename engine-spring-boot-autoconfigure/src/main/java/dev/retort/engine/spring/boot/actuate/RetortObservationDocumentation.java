package dev.retort.engine.spring.boot.actuate;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observations Retort engines emit, with their key names (Micrometer's documentation format). */
public enum RetortObservationDocumentation implements ObservationDocumentation {

    /** One statement execution (also executemany and {@code execDriverSql}). */
    STATEMENT {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultStatementObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return StatementLowCardinalityKeyNames.values();
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return StatementHighCardinalityKeyNames.values();
        }
    },

    /**
     * One transaction from begin to commit or rollback: root, savepoint ({@code nested}) or two-phase. Statements run
     * inside it are its children.
     */
    TRANSACTION {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultTransactionObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return TransactionLowCardinalityKeyNames.values();
        }
    };

    /** Low-cardinality keys of {@link #STATEMENT}. */
    public enum StatementLowCardinalityKeyNames implements KeyName {
        /** The dialect name, e.g. {@code postgresql}. */
        DB_SYSTEM("db.system"),
        /** {@code select}, {@code insert}, {@code update}, {@code delete}, {@code ddl} or {@code other}. */
        DB_OPERATION("db.operation"),
        /** The engine (bean) name. */
        ENGINE("retort.engine");

        private final String key;

        StatementLowCardinalityKeyNames(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }

    /** High-cardinality keys of {@link #STATEMENT}. */
    public enum StatementHighCardinalityKeyNames implements KeyName {
        /** The SQL with {@code ?} placeholders; parameter values are never included. */
        DB_STATEMENT("db.statement");

        private final String key;

        StatementHighCardinalityKeyNames(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }

    /** Low-cardinality keys of {@link #TRANSACTION}. */
    public enum TransactionLowCardinalityKeyNames implements KeyName {
        /** The dialect name. */
        DB_SYSTEM("db.system"),
        /** The engine (bean) name. */
        ENGINE("retort.engine"),
        /** {@code root}, {@code nested} or {@code twophase}. */
        KIND("retort.transaction.kind"),
        /** {@code commit} or {@code rollback} ({@code unknown} while running). */
        OUTCOME("retort.transaction.outcome");

        private final String key;

        TransactionLowCardinalityKeyNames(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }
}
