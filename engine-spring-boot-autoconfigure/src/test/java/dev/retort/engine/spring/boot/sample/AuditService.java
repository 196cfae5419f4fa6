package dev.retort.engine.spring.boot.sample;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The inner transactional methods {@link AccountService} calls (through the proxy). */
@Service
public class AuditService {

    private final AccountRepository accounts;

    AuditService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void requiresNew(int id) {
        accounts.insert(id);
    }

    @Transactional(propagation = Propagation.NESTED)
    public void nestedThenFail(int id) {
        accounts.insert(id);
        throw new IllegalStateException("nested fails");
    }

    @Transactional(propagation = Propagation.NESTED)
    public void nested(int id) {
        accounts.insert(id);
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean supports(int id) {
        accounts.insert(id);
        return org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void mandatory(int id) {
        accounts.insert(id);
    }

    @Transactional(propagation = Propagation.NEVER)
    public void never(int id) {
        accounts.insert(id);
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void notSupported(int id) {
        accounts.insert(id);
    }
}
