package dev.channelhub.order;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.channelhub.order.OrderFixture.order;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class OrderApiTest {

    @Inject
    Db db;

    private List<String> outboxTypes(String tenant) {
        return db.list("select type from event_outbox where tenant_id = $1 and aggregate_type = 'order' order by seq", Tuple.of(tenant),
                r -> r.getString("type")).await().indefinitely();
    }

    @Test
    @InvalidRequests("a negative payment, to see 400")
    void orderToCashEndToEnd() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10.50", "B", "3")).stock("A", 10).stock("B", 10);
        var placed = f.place(f.sales, order(f.online, "A", 4, "B", 2)).then().statusCode(201)
                .body("status", equalTo("SUBMITTED")).body("paymentStatus", equalTo("UNPAID"))
                .body("number", matchesPattern("SO-\\d{8}-\\d{6}")).body("total", equalTo("48.00")).body("currency", equalTo("CNY"))
                .body("lines[0].unitPrice", equalTo("10.50")).body("lines[0].lineTotal", equalTo("42.00"))
                .body("lines[0].priceListCode", notNullValue()).body("reservations.size()", equalTo(2))
                .body("customerId", nullValue()).body("version", equalTo(1)).extract();
        String id = placed.path("id");
        assertEquals(4, f.reserved("A"));
        Api.as(f.sales).get("/api/v1/orders/" + id).then().statusCode(200).header("ETag", "\"1\"").body("lines.size()", equalTo(2));

        // Shipping before confirmation is refused.
        Api.as(f.sales).body(Map.of("lines", List.of(OrderFixture.line("A", 1)))).post("/api/v1/orders/" + id + "/shipments")
                .then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        Api.as(f.sales).header("If-Match", "\"7\"").post("/api/v1/orders/" + id + "/confirm").then().statusCode(412);
        Api.as(f.sales).header("If-Match", "\"1\"").post("/api/v1/orders/" + id + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("version", equalTo(2));
        Api.as(f.sales).post("/api/v1/orders/" + id + "/confirm").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));

        // Partial shipment, then over-shipment, then the rest.
        String s1 = Api.as(f.sales).body(Map.of("lines", List.of(OrderFixture.line("A", 3)), "carrier", "SF", "trackingNo", "SF1"))
                .post("/api/v1/orders/" + id + "/shipments").then().statusCode(201).body("orderStatus", equalTo("PARTIALLY_SHIPPED"))
                .body("lines[0].locationCode", equalTo("WH")).extract().path("id");
        assertEquals(7, f.onHand("A"));
        assertEquals(1, f.reserved("A"));
        Api.as(f.sales).body(Map.of("lines", List.of(OrderFixture.line("A", 2)))).post("/api/v1/orders/" + id + "/shipments")
                .then().statusCode(409).body("code", equalTo("INVALID_TRANSITION")).body("errors.field", hasItem("lines[0].quantity"));
        Api.as(f.sales).body(Map.of("lines", List.of(OrderFixture.line("Z", 1)))).post("/api/v1/orders/" + id + "/shipments")
                .then().statusCode(400).body("errors.field", hasItem("lines[0].sku"));
        // Cancelling after a shipment is refused and changes nothing.
        Api.as(f.sales).body(Map.of("reason", "changed mind")).post("/api/v1/orders/" + id + "/cancel")
                .then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        assertEquals(1, f.reserved("A"));
        Api.as(f.sales).post("/api/v1/orders/" + id + "/shipments/" + s1 + "/deliver").then().statusCode(200)
                .body("status", equalTo("PARTIALLY_SHIPPED"));
        Api.as(f.sales).post("/api/v1/orders/" + id + "/shipments/" + s1 + "/deliver").then().statusCode(409);
        String s2 = Api.as(f.sales).body(Map.of("lines", List.of(OrderFixture.line("A", 1), OrderFixture.line("B", 2))))
                .post("/api/v1/orders/" + id + "/shipments").then().statusCode(201).body("orderStatus", equalTo("SHIPPED"))
                .extract().path("id");
        assertEquals(0, f.reserved("A"));
        assertEquals(0, f.reserved("B"));
        assertEquals(8, f.onHand("B"));
        Api.as(f.sales).body(Map.of("lines", List.of(OrderFixture.line("A", 1)))).post("/api/v1/orders/" + id + "/shipments")
                .then().statusCode(409);

        // Payments: partial, overpayment, rest; delivery then completes it.
        Api.as(f.sales).body(Map.of("amount", "20.00", "method", "BANK_TRANSFER", "reference", "R1"))
                .post("/api/v1/orders/" + id + "/payments").then().statusCode(201)
                .body("paymentStatus", equalTo("PARTIALLY_PAID")).body("outstanding", equalTo("28.00"));
        Api.as(f.sales).body(Map.of("amount", "28.01", "method", "BANK_TRANSFER")).post("/api/v1/orders/" + id + "/payments")
                .then().statusCode(422).body("code", equalTo("OVERPAYMENT"));
        Api.as(f.sales).body(Map.of("amount", "-1", "method", "CASH")).post("/api/v1/orders/" + id + "/payments")
                .then().statusCode(400).body("errors.field", hasItem("amount"));
        Api.as(f.sales).body(Map.of("amount", "28.00", "method", "CASH")).post("/api/v1/orders/" + id + "/payments")
                .then().statusCode(201).body("paymentStatus", equalTo("PAID")).body("orderStatus", equalTo("SHIPPED"));
        Api.as(f.sales).post("/api/v1/orders/" + id + "/shipments/" + s2 + "/deliver").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("paymentStatus", equalTo("PAID")).body("outstanding", equalTo("0.00"));
        Api.as(f.sales).body(Map.of("amount", "1", "method", "CASH")).post("/api/v1/orders/" + id + "/payments")
                .then().statusCode(409);

        List<String> types = Api.as(f.sales).get("/api/v1/orders/" + id + "/timeline").then().statusCode(200)
                .body("items[0].actor", equalTo("user-sales")).body("items[0].occurredAt", notNullValue())
                .body("items[0].details.number", equalTo(placed.path("number")))
                .extract().path("items.type");
        assertEquals(List.of("PLACED", "RESERVED", "CONFIRMED", "SHIPPED", "SHIPMENT_DELIVERED", "SHIPPED", "PAID", "PAID",
                "SHIPMENT_DELIVERED", "DELIVERED", "COMPLETED"), types);
        Api.as(f.sales).get("/api/v1/orders/" + id + "/timeline?limit=4").then().body("items.size()", equalTo(4))
                .body("nextCursor", notNullValue());
        assertEquals(List.of("order.placed", "order.confirmed", "order.shipped", "order.delivered", "order.shipped", "order.paid",
                "order.paid", "order.delivered", "order.completed"), outboxTypes(f.tenant));
        List<String> kinds = Api.as(f.admin).get("/api/v1/stock/ledger?sku=A").then().extract().path("items.kind");
        assertEquals(List.of("SET", "RESERVE", "SHIP", "SHIP"), kinds);
    }

    @Test
    @InvalidRequests("a cancel with a blank reason, to see 400")
    void paidFirstThenDeliveredCompletesAndCancelReleases() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "5")).stock("A", 5);
        String id = f.placed(order(f.online, "A", 2));
        Api.as(f.sales).body(Map.of("amount", "10", "method", "CASH")).post("/api/v1/orders/" + id + "/payments").then().statusCode(201)
                .body("paymentStatus", equalTo("PAID")).body("orderStatus", equalTo("SUBMITTED"));
        String other = f.placed(order(f.online, "A", 3));
        assertEquals(5, f.reserved("A"));
        f.place(f.sales, order(f.online, "A", 1)).then().statusCode(409).body("code", equalTo("INSUFFICIENT_STOCK"))
                .body("errors[0].field", equalTo("lines[0].quantity"));
        Api.as(f.sales).body(Map.of("reason", "")).post("/api/v1/orders/" + other + "/cancel").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        Api.as(f.sales).body(Map.of("reason", "customer called")).post("/api/v1/orders/" + other + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("customer called")).body("reservations.size()", equalTo(0));
        assertEquals(2, f.reserved("A"));
        Api.as(f.sales).body(Map.of("reason", "again")).post("/api/v1/orders/" + other + "/cancel").then().statusCode(409);
        Api.as(f.sales).post("/api/v1/orders/" + other + "/confirm").then().statusCode(409);
        Api.as(f.sales).body(Map.of("amount", "1", "method", "CASH")).post("/api/v1/orders/" + other + "/payments").then().statusCode(409);
        Api.as(f.sales).get("/api/v1/orders/" + other + "/timeline").then().body("items.type", equalTo(List.of("PLACED", "RESERVED",
                "CANCELLED", "RELEASED")));
        Api.as(f.sales).post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
        String s = Api.as(f.sales).body(Map.of("lines", List.of(OrderFixture.line("A", 2)))).post("/api/v1/orders/" + id + "/shipments")
                .then().statusCode(201).extract().path("id");
        Api.as(f.sales).post("/api/v1/orders/" + id + "/shipments/" + s + "/deliver").then().statusCode(200).body("status", equalTo("COMPLETED"));
        Api.as(f.sales).post("/api/v1/orders/" + id + "/shipments/" + java.util.UUID.randomUUID() + "/deliver").then().statusCode(409);
    }

    @Test
    void insufficientStockNamesEveryShortLineAndReservesNothing() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "1", "B", "1", "C", "1")).stock("A", 5).stock("B", 1);
        f.place(f.sales, order(f.online, "A", 5, "B", 2, "C", 1)).then().statusCode(409).body("code", equalTo("INSUFFICIENT_STOCK"))
                .body("errors.field", equalTo(List.of("lines[1].quantity", "lines[2].quantity")))
                .body("errors[0].message", equalTo("B needs 2, 1 available for channel " + f.online));
        assertEquals(0, f.reserved("A"));
        assertEquals(0, f.reserved("B"));
        f.place(f.sales, order(f.online, "NOPRICE", 1)).then().statusCode(422).body("code", equalTo("NO_PRICE"));
    }

    @Test
    @InvalidRequests("orders without lines and with malformed fields, to see 400")
    void validationAndIdempotency() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "2")).stock("A", 10);
        f.place(f.sales, Map.of("channelId", f.online)).then().statusCode(400).body("errors.field", hasItem("lines"));
        f.place(f.sales, order(f.online, "A", 1, "A", 2)).then().statusCode(400).body("errors.field", hasItem("lines[1].sku"));
        f.place(f.sales, order(f.online, "A", 0)).then().statusCode(400).body("errors.field", hasItem("lines[0].quantity"));
        f.place(f.sales, order("nope", "A", 1)).then().statusCode(400).body("errors.field", hasItem("channelId"));
        f.place(f.sales, order(java.util.UUID.randomUUID().toString(), "A", 1)).then().statusCode(400).body("errors.field", hasItem("channelId"));
        f.place(f.sales, Map.of("channelId", f.online, "customerId", java.util.UUID.randomUUID().toString(),
                "lines", List.of(OrderFixture.line("A", 1)))).then().statusCode(400).body("errors.field", hasItem("customerId"));
        Api.as(f.sales).body("{\"channelId\": \"" + f.online + "\", \"lines\": [{\"sku\": \"A\", \"quantity\": \"x\"}]}")
                .post("/api/v1/orders").then().statusCode(400);
        assertEquals(0, f.reserved("A"));

        var first = Api.as(f.sales).header("Idempotency-Key", "k-1").body(order(f.online, "A", 2)).post("/api/v1/orders")
                .then().statusCode(201).extract();
        // The stored answer commits in the order's own transaction: both rows carry the same transaction id.
        assertEquals(Boolean.TRUE, db.one("select o.xmin::text = k.xmin::text as same from sales_order o join idempotency_key k"
                        + " on k.tenant_id = o.tenant_id and k.key = o.idempotency_key where o.tenant_id = $1 and o.id = $2 and k.state = 'DONE'",
                io.vertx.mutiny.sqlclient.Tuple.of(f.tenant, java.util.UUID.fromString(first.path("id"))), r -> r.getBoolean("same"))
                .await().indefinitely().orElseThrow());
        Api.as(f.sales).header("Idempotency-Key", "k-1").body(order(f.online, "A", 2)).post("/api/v1/orders")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first.path("id")))
                .body("number", equalTo(first.path("number")));
        Api.as(f.sales).header("Idempotency-Key", "k-1").body(order(f.online, "A", 3)).post("/api/v1/orders")
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertEquals(2, f.reserved("A"));
        String second = f.placed(order(f.online, "A", 1));
        String firstNumber = first.path("number");
        String secondNumber = Api.as(f.sales).get("/api/v1/orders/" + second).then().extract().path("number");
        assertNotEquals(firstNumber, secondNumber);
    }

    @Test
    void retryAfterLostIdempotencyRecordReturnsTheSameOrder() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "2")).stock("A", 10);
        String id = Api.as(f.sales).header("Idempotency-Key", "crash-1").body(order(f.online, "A", 2)).post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
        // Simulate a crash between the order's commit and the idempotency record's completion.
        db.query("delete from idempotency_key where tenant_id = $1", Tuple.of(f.tenant)).await().indefinitely();
        Api.as(f.sales).header("Idempotency-Key", "crash-1").body(order(f.online, "A", 2)).post("/api/v1/orders")
                .then().statusCode(201).body("id", equalTo(id));
        assertEquals(2, f.reserved("A"));
        assertEquals(1L, db.one("select count(*) as n from sales_order where tenant_id = $1", Tuple.of(f.tenant), r -> r.getLong("n"))
                .await().indefinitely().orElseThrow());
    }

    @Test
    void creditLimitForPartnerChannels() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10")).stock("A", 100);
        String dealer = f.activePartner("DEALER", "100");
        String partner = Tokens.partner(f.tenant, dealer);
        String first = f.placed(order(dealer, "A", 8));
        f.place(partner, order(dealer, "A", 3)).then().statusCode(422).body("code", equalTo("CREDIT_LIMIT_EXCEEDED"));
        f.place(partner, order(dealer, "A", 2)).then().statusCode(201);
        f.place(partner, order(dealer, "A", 1)).then().statusCode(422);
        Api.as(f.sales).body(Map.of("amount", "50", "method", "BANK_TRANSFER")).post("/api/v1/orders/" + first + "/payments").then().statusCode(201);
        f.place(partner, order(dealer, "A", 5)).then().statusCode(201);
        Api.as(f.sales).get("/api/v1/channels/" + dealer + "/receivables").then().statusCode(200)
                .body("outstanding", equalTo("100.00")).body("availableCredit", equalTo("0.00")).body("openOrders", equalTo(3))
                .body("buckets[0].label", equalTo("CURRENT")).body("buckets[0].amount", equalTo("100.00")).body("overdue", equalTo("0.00"));
        // A cancelled order no longer counts.
        String last = Api.as(partner).get("/api/v1/orders?limit=500").then().extract().path("items[-1].id");
        Api.as(partner).body(Map.of("reason", "too much")).post("/api/v1/orders/" + last + "/cancel").then().statusCode(200);
        f.place(partner, order(dealer, "A", 5)).then().statusCode(201);
        // 0 means no credit at all; no limit means none.
        String cashOnly = f.activePartner("CASH", "0");
        f.place(f.sales, order(cashOnly, "A", 1)).then().statusCode(422).body("code", equalTo("CREDIT_LIMIT_EXCEEDED"));
        String unlimited = f.activePartner("FREE", null);
        f.place(f.sales, order(unlimited, "A", 50)).then().statusCode(201);
        // Owned channels have no credit check.
        f.place(f.sales, order(f.online, "A", 1)).then().statusCode(201);
    }

    @Test
    void onlyActiveChannelsOrder() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10")).stock("A", 100);
        String applied = f.channel("NEW", "AGENT", null);
        f.place(f.sales, order(applied, "A", 1)).then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        String dealer = f.activePartner("SUSP", null);
        Api.as(f.admin).body(Map.of("to", "SUSPENDED", "reason", "late payments")).post("/api/v1/channels/" + dealer + "/transition")
                .then().statusCode(200);
        f.place(f.sales, order(dealer, "A", 1)).then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        assertEquals(0, f.reserved("A"));
    }

    @Test
    void partnersSeeAndPlaceOnlyTheirOwnOrders() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10")).stock("A", 100);
        String a = f.activePartner("PA", null);
        String b = f.activePartner("PB", null);
        String partnerA = Tokens.partner(f.tenant, a);
        String partnerB = Tokens.partner(f.tenant, b);
        String orderA = f.place(partnerA, order(a, "A", 1)).then().statusCode(201).extract().path("id");
        String orderB = f.place(partnerB, order(b, "A", 1)).then().statusCode(201).extract().path("id");
        f.place(partnerA, order(b, "A", 1)).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        Api.as(partnerA).get("/api/v1/orders/" + orderB).then().statusCode(404);
        Api.as(partnerA).get("/api/v1/orders/" + orderB + "/timeline").then().statusCode(404);
        Api.as(partnerA).body(Map.of("reason", "x")).post("/api/v1/orders/" + orderB + "/cancel").then().statusCode(404);
        Api.as(partnerA).get("/api/v1/channels/" + b + "/receivables").then().statusCode(404);
        Api.as(partnerA).get("/api/v1/orders").then().statusCode(200).body("items.id", equalTo(List.of(orderA)));
        Api.as(partnerA).get("/api/v1/orders?channelId=" + b).then().statusCode(200).body("items.size()", equalTo(0));
        Api.as(partnerA).get("/api/v1/orders/" + orderA).then().statusCode(200);
        Api.as(partnerA).post("/api/v1/orders/" + orderA + "/confirm").then().statusCode(403);
        // Sales and integration place for any channel; a manager reads but does not place; other tenants see nothing.
        f.place(Tokens.token(f.tenant, "integration"), order(b, "A", 1)).then().statusCode(201);
        f.place(Tokens.token(f.tenant, "manager"), order(b, "A", 1)).then().statusCode(403);
        Api.as(Tokens.token(f.tenant, "manager")).get("/api/v1/orders/" + orderB).then().statusCode(200);
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/orders/" + orderA).then().statusCode(404);
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).post("/api/v1/orders/" + orderA + "/confirm").then().statusCode(404);
        Api.as(null).get("/api/v1/orders").then().statusCode(401);
        Api.as(f.sales).get("/api/v1/orders/not-an-id").then().statusCode(404);
    }

    @Test
    void listFiltersAndPages() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10")).stock("A", 100);
        String dealer = f.activePartner("D", null);
        String o1 = f.placed(order(f.online, "A", 1));
        String o2 = f.placed(order(dealer, "A", 1));
        String o3 = f.placed(order(f.online, "A", 1));
        Api.as(f.sales).post("/api/v1/orders/" + o3 + "/confirm").then().statusCode(200);
        Api.as(f.sales).body(Map.of("amount", "5", "method", "CASH")).post("/api/v1/orders/" + o1 + "/payments").then().statusCode(201);
        Api.as(f.sales).get("/api/v1/orders?channelId=" + f.online).then().body("items.id", equalTo(List.of(o1, o3)))
                .body("items[0].lines.size()", equalTo(1));
        Api.as(f.sales).get("/api/v1/orders?status=CONFIRMED").then().body("items.id", equalTo(List.of(o3)));
        Api.as(f.sales).get("/api/v1/orders?paymentStatus=PARTIALLY_PAID").then().body("items.id", equalTo(List.of(o1)));
        Api.as(f.sales).get("/api/v1/orders?status=NOPE").then().statusCode(400).body("errors.field", hasItem("status"));
        Api.as(f.sales).get("/api/v1/orders?from=2000-01-01&to=2999-12-31").then().body("items.size()", equalTo(3));
        Api.as(f.sales).get("/api/v1/orders?from=2999-01-01").then().body("items.size()", equalTo(0));
        Api.as(f.sales).get("/api/v1/orders?from=yesterday").then().statusCode(400).body("errors.field", hasItem("from"));
        var page1 = Api.as(f.sales).get("/api/v1/orders?limit=2").then().body("items.id", equalTo(List.of(o1, o2))).extract();
        Api.as(f.sales).get("/api/v1/orders?limit=2&cursor=" + page1.path("nextCursor")).then().body("items.id", equalTo(List.of(o3)))
                .body("nextCursor", nullValue());
    }

    @Test
    void holdIsConsumedByTheOrder() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10")).stock("A", 5);
        String hold = Api.as(f.sales).body(Map.of("channelId", f.online, "ttlSeconds", 86400, "lines", List.of(OrderFixture.line("A", 4))))
                .post("/api/v1/stock/holds").then().statusCode(201).extract().path("id");
        f.place(f.sales, order(f.online, "A", 2)).then().statusCode(409); // only 1 free outside the hold
        Map<String, Object> body = new java.util.HashMap<>(order(f.online, "A", 4));
        body.put("holdId", hold);
        String id = f.place(f.sales, body).then().statusCode(201).body("holdId", equalTo(hold)).extract().path("id");
        assertEquals(4, f.reserved("A"));
        Api.as(f.sales).get("/api/v1/stock/holds/" + hold).then().body("status", equalTo("CONSUMED")).body("orderId", equalTo(id));
        f.place(f.sales, body).then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        Map<String, Object> bad = new java.util.HashMap<>(order(f.online, "A", 1));
        bad.put("holdId", java.util.UUID.randomUUID().toString());
        f.place(f.sales, bad).then().statusCode(400).body("errors.field", hasItem("holdId"));
        assertEquals(4, f.reserved("A"));
    }
}
