package dev.channelhub.pricing;

import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.support.SessionTransactions;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.channelhub.support.SessionTransactions.assertFailsAtTheEnd;
import static dev.channelhub.support.SessionTransactions.failAtTheEndIf;
import static dev.channelhub.support.SessionTransactions.inOneTransaction;
import static dev.channelhub.support.SessionTransactions.newCaller;
import static dev.channelhub.support.SessionTransactions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /price-lists} writes the header (an entity), its entries (a native statement on the same session), its
 * {@code price_list.created} event and its idempotency answer in one Hibernate Reactive transaction
 * ({@link PriceListService#created}): rolled back, none of them is left (and the key is released); committed, all are.
 */
@QuarkusTest
class PriceListSessionTransactionTest {

    @Inject
    PriceListService service;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Db db;

    @Test
    void aRolledBackPriceListLeavesNoEntriesNoEventAndNoAnswer() {
        Caller caller = newCaller(Role.ADMIN);
        String key = "rollback-" + caller.tenant();
        assertFailsAtTheEnd("fails after the header, the entries, the event and the answer were written",
                () -> useCase(caller, "RB", key, true));

        assertEquals(0, count("select count(*) from price_list where tenant_id = $1", caller.tenant()), "no header");
        assertEquals(0, count("select count(*) from price_list_entry where tenant_id = $1", caller.tenant()), "no entries");
        assertEquals(0, count("select count(*) from event_outbox where tenant_id = $1", caller.tenant()), "no event");
        assertEquals(0, count("select count(*) from idempotency_key where tenant_id = $1", caller.tenant()),
                "no answer, and the key is released for a retry");
    }

    @Test
    void aCommittedPriceListKeepsEntriesEventAndAnswer() throws Throwable {
        Caller caller = newCaller(Role.ADMIN);
        String key = "commit-" + caller.tenant();
        Outcome<PriceListView> outcome = run(() -> useCase(caller, "OK", key, false));
        assertEquals(201, outcome.status());
        assertEquals(2, outcome.body().entryCount());

        assertEquals(1, count("select count(*) from price_list where tenant_id = $1 and version = 1", caller.tenant()));
        assertEquals(2, count("select count(*) from price_list_entry where tenant_id = $1", caller.tenant()));
        assertEquals(1, count("select count(*) from event_outbox where tenant_id = $1 and type = 'price_list.created'", caller.tenant()));
        assertEquals(1, count("select count(*) from idempotency_key where tenant_id = $1 and state = 'DONE' and status = 201",
                caller.tenant()));
        Outcome<PriceListView> replay = run(() -> useCase(caller, "OTHER", key, false));
        assertTrue(replay.replayed());
        assertEquals(outcome.body(), replay.body());
    }

    private Uni<Outcome<PriceListView>> useCase(Caller caller, String code, String key, boolean failAtTheEnd) {
        CreatePriceListRequest request = new CreatePriceListRequest("FIXED", "session test", "CNY", null, null, null, null, null);
        List<PriceEntry> entries = List.of(new PriceEntry("S-1", new BigDecimal("10"), 1), new PriceEntry("S-1", new BigDecimal("8"), 10));
        CreatePriceListRequest named = new CreatePriceListRequest(code, request.name(), "CNY", null, null, null, null, entries);
        return inOneTransaction(idempotency, caller, key, "POST /price-lists", request, PriceListView.class,
                (session, completion) -> service.created(session, caller,
                                PriceListService.newList(caller.tenant(), named, "CNY", PriceScope.EMPTY, entries.size()), entries, completion)
                        .invoke(failAtTheEndIf(failAtTheEnd, "fails after the header, the entries, the event and the answer were written")));
    }

    private long count(String sql, String tenant) {
        return SessionTransactions.count(db, sql, tenant);
    }
}
