package dev.retort.sample.web;

import dev.retort.sample.ledger.Account;
import dev.retort.sample.ledger.LedgerService;
import dev.retort.sample.ledger.Transfer;
import dev.retort.sample.ledger.TransferService;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The ledger's JSON API. */
@RestController
public class LedgerController {

    /** Opening an account. */
    public record OpenAccount(@NotBlank @Size(max = 100) String owner,
            @NotNull @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal initialDeposit) {
    }

    /** A deposit. */
    public record Deposit(@NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal amount) {
    }

    /** A transfer. */
    public record TransferBody(@NotNull Long from, @NotNull Long to,
            @NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal amount) {
    }

    private final LedgerService ledger;
    private final TransferService transfers;

    /** Creates the controller. */
    public LedgerController(LedgerService ledger, TransferService transfers) {
        this.ledger = ledger;
        this.transfers = transfers;
    }

    /** Opens an account. */
    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    public Account open(@Valid @RequestBody OpenAccount body) {
        return ledger.open(body.owner(), body.initialDeposit());
    }

    /** Reads an account. */
    @GetMapping("/accounts/{id}")
    public Account account(@PathVariable long id) {
        return ledger.account(id);
    }

    /** Deposits into an account. */
    @PostMapping("/accounts/{id}/deposits")
    public Account deposit(@PathVariable long id, @Valid @RequestBody Deposit body) {
        return ledger.deposit(id, body.amount());
    }

    /** An account's statement. */
    @GetMapping("/accounts/{id}/statement")
    public LedgerService.Statement statement(@PathVariable long id) {
        return ledger.statement(id);
    }

    /** Transfers money between two accounts. */
    @PostMapping("/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    public Transfer transfer(@Valid @RequestBody TransferBody body) {
        return transfers.transfer(body.from(), body.to(), body.amount());
    }

    /** Runs a batch of transfers, each in its own savepoint. */
    @PostMapping("/transfers/batch")
    public List<LedgerService.BatchOutcome> batch(@RequestBody @NotEmpty List<@Valid TransferBody> body) {
        return ledger.batch(body.stream()
                .map(t -> new LedgerService.TransferRequest(t.from(), t.to(), t.amount())).toList());
    }

    /** The total of all balances. */
    @GetMapping("/ledger/total")
    public BigDecimal total() {
        return ledger.totalBalance();
    }

    /** Streams every transfer as CSV. */
    @GetMapping("/transfers/export.csv")
    public void export(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv");
        response.setHeader("Content-Disposition", "attachment; filename=transfers.csv");
        ledger.exportCsv(response.getWriter());
    }
}
