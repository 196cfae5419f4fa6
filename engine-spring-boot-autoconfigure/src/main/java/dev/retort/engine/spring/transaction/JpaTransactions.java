package dev.retort.engine.spring.transaction;

import jakarta.persistence.EntityTransaction;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * The JPA side of a transaction the engine joined through {@code JpaTransactionManager}'s JDBC connection. That
 * manager decides whether a commit must fail by asking the {@link EntityTransaction}, not the bound
 * {@code ConnectionHolder}, so a rollback-only mark made by the engine must reach the entity transaction too, or JPA
 * would commit work the engine rolled back. Does nothing when spring-orm is not on the class path.
 */
final class JpaTransactions {

    private static final boolean PRESENT = ClassUtils.isPresent("org.springframework.orm.jpa.EntityManagerHolder",
            JpaTransactions.class.getClassLoader());

    private JpaTransactions() {
    }

    /** Marks the active JPA transaction over {@code dataSource} on this thread, if there is one, rollback-only. */
    static void setRollbackOnly(DataSource dataSource) {
        if (PRESENT) {
            Orm.setRollbackOnly(dataSource);
        }
    }

    /** Touches spring-orm's types; loaded only when they are present. */
    private static final class Orm {

        static void setRollbackOnly(DataSource dataSource) {
            for (Map.Entry<Object, Object> bound : TransactionSynchronizationManager.getResourceMap().entrySet()) {
                if (bound.getKey() instanceof EntityManagerFactoryInfo factory
                        && factory.getDataSource() != null
                        && SpringTransactionConnectionResolver.resourceKey(factory.getDataSource()) == dataSource
                        && bound.getValue() instanceof EntityManagerHolder holder) {
                    EntityTransaction transaction = holder.getEntityManager().getTransaction();
                    if (transaction.isActive()) {
                        holder.setRollbackOnly();
                        transaction.setRollbackOnly();
                    }
                }
            }
        }
    }
}
