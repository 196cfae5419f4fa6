package dev.retort.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample ledger service.
 */
@SpringBootApplication
public class LedgerApplication {

    /** Starts the application. */
    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}
