package dev.channelhub.catalog;

import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.support.SessionTransactions;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static dev.channelhub.support.SessionTransactions.assertFailsAtTheEnd;
import static dev.channelhub.support.SessionTransactions.failAtTheEndIf;
import static dev.channelhub.support.SessionTransactions.inOneTransaction;
import static dev.channelhub.support.SessionTransactions.newCaller;
import static dev.channelhub.support.SessionTransactions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The product create's shape (ProductService.create) in one Hibernate Reactive transaction: the {@link ProductEntity},
 * {@code product.created} on the session and the idempotency answer on the session roll back together, and commit together.
 */
@QuarkusTest
class ProductSessionTransactionTest {

    @Inject
    EventOutbox outbox;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Db db;

    @Test
    void aRolledBackProductWriteLeavesNoEventAndNoIdempotencyAnswer() throws Throwable {
        Caller caller = newCaller(Role.ADMIN);
        String tenant = caller.tenant();
        UUID id = Ids.newId();
        String key = "product-rollback-" + id;

        assertFailsAtTheEnd("fails after the product, the event and the answer were written", () -> useCase(caller, id, key, true));

        assertEquals(0, count("select count(*) from product where tenant_id = $1 and id = $2", tenant, id), "no product");
        assertEquals(0, count("select count(*) from event_outbox where tenant_id = $1 and aggregate_id = $2", tenant, id), "no event");
        assertEquals(0, count("select count(*) from idempotency_key where tenant_id = $1 and key = $2", tenant, key),
                "no answer, and the key is released for a retry");

        Outcome<ProductView> outcome = run(() -> useCase(caller, id, key, false));
        assertEquals(201, outcome.status());
        assertEquals(1, count("select count(*) from product where tenant_id = $1 and id = $2 and version = 1", tenant, id));
        assertEquals(1, count("select count(*) from event_outbox where tenant_id = $1 and aggregate_id = $2 and type = 'product.created'",
                tenant, id));
        assertEquals(1, count("select count(*) from idempotency_key where tenant_id = $1 and key = $2 and state = 'DONE' and status = 201",
                tenant, key));
    }

    private Uni<Outcome<ProductView>> useCase(Caller caller, UUID id, String key, boolean failAtTheEnd) {
        return inOneTransaction(idempotency, caller, key, "POST /product-session-test", java.util.Map.of("id", "fixed"), ProductView.class,
                (session, completion) -> {
                    ProductEntity product = new ProductEntity();
                    product.tenantId = caller.tenant();
                    product.id = id;
                    product.sku = "S-" + id;
                    product.name = "rollback test";
                    product.unit = "EA";
                    product.status = ProductStatus.ACTIVE;
                    product.currency = "CNY";
                    product.version = 1;
                    product.createdAt = product.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return session.persist(product).call(session::flush)
                            .map(x -> product.toView())
                            .call(view -> outbox.append(session, caller, "product.created", "product", id, null, view))
                            .flatMap(view -> completion.record(session, Outcome.created(view)))
                            .invoke(failAtTheEndIf(failAtTheEnd, "fails after the product, the event and the answer were written"));
                });
    }

    private long count(String sql, String tenant, Object arg) {
        return SessionTransactions.count(db, sql, tenant, arg);
    }
}
