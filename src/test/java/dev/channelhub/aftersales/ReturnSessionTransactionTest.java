package dev.channelhub.aftersales;

import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.support.Api;
import dev.channelhub.support.SessionTransactions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.channelhub.support.SessionTransactions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A return write is one Hibernate Reactive transaction (docs/DEVELOPING.md "Persistence"): the header entity
 * ({@link ReturnEntity}), and on the session's own connection its lines and timeline, the order's timeline row, stock put
 * back by a receipt, plus the {@code return.*} outbox event and the idempotency answer. When the outbox refuses the return
 * event (a trigger for this test's tenant only), none of them is left behind and the key is released; without the trigger
 * the same request commits all of them.
 */
@QuarkusTest
class ReturnSessionTransactionTest {

    @Inject
    ReturnService returns;

    @Inject
    Db db;

    @Test
    void aRequestWhoseEventFailsLeavesNoReturnNoOrderEventAndNoIdempotencyAnswer() throws Throwable {
        AfterSalesFixture f = new AfterSalesFixture();
        String order = f.order(f.online, 3, 3, "300.00", true);
        Caller caller = Caller.of(f.tenant, "tester", Set.of(Role.SALES), null);
        String key = "return-rollback-" + UUID.randomUUID();
        CreateReturnRequest request = new CreateReturnRequest(order, List.of(new ReturnLineRequest("A", 2, ReturnReason.DEFECTIVE)), "rolled back");

        refusingReturnEvents(f.tenant, () -> assertThrows(Exception.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> returns.request(caller, request, key))));

        assertEquals(0, count("select count(*) from return_order where tenant_id = $1", f.tenant), "no return header");
        assertEquals(0, count("select count(*) from return_line where tenant_id = $1", f.tenant), "no lines");
        assertEquals(0, count("select count(*) from return_event where tenant_id = $1", f.tenant), "no return timeline");
        assertEquals(0, count("select count(*) from order_event where tenant_id = $1 and type = 'RETURN_REQUESTED'", f.tenant),
                "no order timeline row");
        assertEquals(0, count("select count(*) from event_outbox where tenant_id = $1 and type like 'return.%'", f.tenant), "no event");
        assertEquals(0, count("select count(*) from idempotency_key where tenant_id = $1 and key = '" + key + "'", f.tenant),
                "no answer, and the key is released for a retry");

        // The outbox accepting: everything commits together (the header through the entity), and the key replays it.
        Outcome<ReturnView> created = run(() -> returns.request(caller, request, key));
        assertEquals(201, created.status());
        assertEquals(1, created.body().version());
        assertEquals(1L, VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> ReturnEntity.count("tenantId = ?1 and id = ?2", f.tenant, created.body().uuid()))), "the entity maps the row");
        assertEquals(1, count("select count(*) from return_line where tenant_id = $1", f.tenant));
        assertEquals(1, count("select count(*) from return_event where tenant_id = $1 and type = 'REQUESTED'", f.tenant));
        assertEquals(1, count("select count(*) from order_event where tenant_id = $1 and type = 'RETURN_REQUESTED'", f.tenant));
        assertEquals(1, count("select count(*) from event_outbox where tenant_id = $1 and type = 'return.requested'", f.tenant));
        assertEquals(1, count("select count(*) from idempotency_key where tenant_id = $1 and key = '" + key
                + "' and state = 'DONE' and status = 201", f.tenant));
        Outcome<ReturnView> replay = run(() -> returns.request(caller, request, key));
        assertTrue(replay.replayed());
        assertEquals(created.body().id(), replay.body().id());
        assertEquals(1, count("select count(*) from return_order where tenant_id = $1", f.tenant), "the replay created nothing");
    }

    @Test
    void aReceiptWhoseEventFailsPutsNoStockBackAndLeavesTheReturnApproved() throws Throwable {
        AfterSalesFixture f = new AfterSalesFixture();
        String order = f.order(f.online, 3, 3, "300.00", true);
        String id = f.requestReturn(f.sales, order, "A", 2).then().statusCode(201).extract().path("id");
        Api.as(f.manager).post("/api/v1/returns/" + id + "/approve").then().statusCode(200);
        long onHand = f.onHand("A");
        long stockEvents = count("select count(*) from event_outbox where tenant_id = $1 and type = 'stock.changed'", f.tenant);
        Caller caller = Caller.of(f.tenant, "tester", Set.of(Role.SALES), null);
        ReceiveReturnRequest request = new ReceiveReturnRequest("WH", List.of(new ReceiveLineRequest("A", 2, Disposition.RESTOCK)));

        refusingReturnEvents(f.tenant, () -> assertThrows(Exception.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> returns.receive(caller, UUID.fromString(id), request))));

        assertEquals(onHand, f.onHand("A"), "the restock (stock's own statements, on the session's connection) rolled back");
        assertEquals(0, count("select count(*) from stock_ledger where tenant_id = $1 and kind = 'RETURN'", f.tenant), "no ledger row");
        assertEquals(stockEvents, count("select count(*) from event_outbox where tenant_id = $1 and type = 'stock.changed'", f.tenant),
                "no stock.changed event");
        assertEquals(1, count("select count(*) from return_order where tenant_id = $1 and status = 'APPROVED' and version = 2", f.tenant),
                "the header unchanged");
        assertEquals(0, count("select count(*) from return_line where tenant_id = $1 and received_quantity > 0", f.tenant), "no line received");
        assertEquals(0, count("select count(*) from return_event where tenant_id = $1 and type = 'RECEIVED'", f.tenant));
        assertEquals(0, count("select count(*) from order_event where tenant_id = $1 and type = 'RETURN_RECEIVED'", f.tenant));

        ReturnView received = VertxContextSupport.subscribeAndAwait(() -> returns.receive(caller, UUID.fromString(id), request));
        assertEquals(ReturnStatus.RECEIVED, received.status());
        assertEquals(3, received.version());
        assertEquals(onHand + 2, f.onHand("A"));
        assertEquals(1, count("select count(*) from stock_ledger where tenant_id = $1 and kind = 'RETURN'", f.tenant));
        assertEquals(1, count("select count(*) from event_outbox where tenant_id = $1 and type = 'return.received'", f.tenant));
        assertEquals(received, Api.as(f.sales).get("/api/v1/returns/" + id).then().statusCode(200).extract().as(ReturnView.class),
                "the view built from the entity is what a read answers");
    }

    /** Runs {@code body} while the outbox refuses this tenant's {@code return.*} events. */
    private void refusingReturnEvents(String tenant, Runnable body) {
        String trigger = "fail_return_" + tenant.replaceAll("[^A-Za-z0-9]", "_");
        sql("create or replace function " + trigger + "() returns trigger language plpgsql as "
                + "$f$ begin raise exception 'the outbox refuses this event (test)'; end $f$");
        sql("create trigger " + trigger + " before insert on event_outbox for each row when (new.tenant_id = '" + tenant
                + "' and new.type like 'return.%') execute function " + trigger + "()");
        try {
            body.run();
        } finally {
            sql("drop trigger " + trigger + " on event_outbox");
            sql("drop function " + trigger + "()");
        }
    }

    private void sql(String statement) {
        db.pool().query(statement).execute().await().indefinitely();
    }

    private long count(String sql, String tenant) {
        return SessionTransactions.count(db, sql, tenant);
    }
}
