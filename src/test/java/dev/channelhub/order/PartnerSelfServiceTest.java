package dev.channelhub.order;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The partner of the ordering channel confirms deliveries and submits payment proofs; finance accepts or rejects them (§9). */
@QuarkusTest
class PartnerSelfServiceTest {

    @Inject
    Db db;

    /** A tenant with two active partner channels, a warehouse and SKU A at 100.00. */
    static final class Fixture {
        final String tenant = Tokens.newTenant();
        final String admin = Tokens.token(tenant, "admin");
        final String manager = Tokens.token(tenant, "manager");
        final String sales = Tokens.token(tenant, "sales");
        final String integration = Tokens.token(tenant, "integration");
        final String partnerA;
        final String partnerB;
        final String tokenA;
        final String tokenB;

        Fixture() {
            partnerA = partner("PA");
            partnerB = partner("PB");
            tokenA = Tokens.partner(tenant, partnerA);
            tokenB = Tokens.partner(tenant, partnerB);
            Api.as(admin).body(Map.of("code", "WH", "name", "Warehouse", "type", "WAREHOUSE")).post("/api/v1/locations").then().statusCode(201);
            Api.as(admin).body(Map.of("sku", "A", "name", "A")).post("/api/v1/products").then().statusCode(201);
            Api.as(admin).body(Map.of("onHand", 1000)).put("/api/v1/stock/WH/A").then().statusCode(200);
            Api.as(admin).body(Map.of("code", "BASE", "name", "Base", "currency", "CNY", "entries", List.of(Map.of("sku", "A", "price", "100.00"))))
                    .post("/api/v1/price-lists").then().statusCode(201);
        }

        String partner(String code) {
            String id = Api.as(admin).body(Map.of("code", code, "name", code, "type", "DISTRIBUTOR")).post("/api/v1/channels").then()
                    .statusCode(201).extract().path("id");
            Api.as(admin).body(Map.of("to", "ACTIVE")).post("/api/v1/channels/" + id + "/transition").then().statusCode(200);
            return id;
        }

        /** A confirmed order of channel A for {@code qty} units of A (100.00 each). */
        String confirmedOrder(int qty) {
            String id = Api.as(tokenA).body(Map.of("channelId", partnerA, "lines", List.of(Map.of("sku", "A", "quantity", qty))))
                    .post("/api/v1/orders").then().statusCode(201).extract().path("id");
            Api.as(sales).post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
            return id;
        }

        String ship(String order, int qty) {
            return Api.as(sales).body(Map.of("lines", List.of(Map.of("sku", "A", "quantity", qty)))).post("/api/v1/orders/" + order + "/shipments")
                    .then().statusCode(201).extract().path("id");
        }

        Response submit(String token, String order, String amount) {
            return Api.as(token).body(Map.of("amount", amount, "method", "BANK_TRANSFER", "reference", "TX-" + amount,
                    "attachmentUrl", "https://files.example.test/slip.png")).post("/api/v1/orders/" + order + "/payment-proofs");
        }

        List<String> timeline(String order) {
            return Api.as(sales).get("/api/v1/orders/" + order + "/timeline?limit=100").then().statusCode(200).extract().path("items.type");
        }
    }

    @Test
    void thePartnerOfTheOrderingChannelConfirmsDelivery() {
        Fixture f = new Fixture();
        String order = f.confirmedOrder(2);
        String first = f.ship(order, 1);
        String second = f.ship(order, 1);
        // Another partner: 404 (REST and GraphQL); another tenant: 404.
        Api.as(f.tokenB).post("/api/v1/orders/" + order + "/shipments/" + first + "/deliver").then().statusCode(404);
        Api.graphql(f.tokenB, "mutation($o: ID!, $s: ID!) { deliverShipment(orderId: $o, shipmentId: $s) { id } }",
                Map.of("o", order, "s", first)).then().statusCode(200).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).post("/api/v1/orders/" + order + "/shipments/" + first + "/deliver").then().statusCode(404);
        Api.as(f.tokenA).post("/api/v1/orders/" + order + "/shipments/" + first + "/deliver").then().statusCode(200)
                .body("status", equalTo("SHIPPED"));
        Api.as(f.tokenA).post("/api/v1/orders/" + order + "/shipments/" + first + "/deliver").then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
        Api.graphql(f.tokenA, "mutation($o: ID!, $s: ID!) { deliverShipment(orderId: $o, shipmentId: $s) { status } }",
                Map.of("o", order, "s", second)).then().statusCode(200).body("data.deliverShipment.status", equalTo("DELIVERED"));
        assertEquals(2, f.timeline(order).stream().filter("SHIPMENT_DELIVERED"::equals).count());
    }

    @Test
    @InvalidRequests("an attachment that is not a URL and a reject without a reason, to see 400")
    void aProofIsSubmittedThenAcceptedOnceRecordingThePayment() {
        Fixture f = new Fixture();
        String order = f.confirmedOrder(2);
        Response submitted = f.submit(f.tokenA, order, "150.00");
        submitted.then().statusCode(201).body("status", equalTo("SUBMITTED")).body("amount", equalTo("150.00"))
                .body("channelId", equalTo(f.partnerA)).body("paymentId", nullValue());
        String proof = submitted.path("id");
        // Nothing is recorded before acceptance.
        Api.as(f.sales).get("/api/v1/orders/" + order).then().body("paymentStatus", equalTo("UNPAID")).body("outstanding", equalTo("200.00"));
        Api.as(f.tokenA).body(Map.of("amount", "1.00", "method", "X", "reference", "R", "attachmentUrl", "not a url"))
                .post("/api/v1/orders/" + order + "/payment-proofs").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        f.submit(f.tokenA, order, "200.01").then().statusCode(422).body("code", equalTo("OVERPAYMENT"));
        // Finance accepts: the payment is recorded through the payment service; twice records one payment.
        Api.as(f.manager).post("/api/v1/payment-proofs/" + proof + "/accept").then().statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("paymentId", notNullValue()).body("decidedAt", notNullValue());
        Api.as(f.integration).post("/api/v1/payment-proofs/" + proof + "/accept").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        Api.as(f.sales).get("/api/v1/orders/" + order).then().body("paymentStatus", equalTo("PARTIALLY_PAID"))
                .body("paidAmount", equalTo("150.00")).body("outstanding", equalTo("50.00"));
        Api.as(f.tokenA).get("/api/v1/orders/" + order + "/payments").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].reference", equalTo("TX-150.00"));
        // Once accepted it cannot be rejected; a rejection needs a reason.
        Api.as(f.manager).body(Map.of("reason", "late")).post("/api/v1/payment-proofs/" + proof + "/reject").then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
        String second = f.submit(f.tokenA, order, "50.00").then().statusCode(201).extract().path("id");
        Api.as(f.manager).body(Map.of("reason", "")).post("/api/v1/payment-proofs/" + second + "/reject").then().statusCode(400);
        Api.as(f.manager).body(Map.of("reason", "no such transfer")).post("/api/v1/payment-proofs/" + second + "/reject").then()
                .statusCode(200).body("status", equalTo("REJECTED")).body("rejectReason", equalTo("no such transfer"));
        Api.as(f.manager).post("/api/v1/payment-proofs/" + second + "/accept").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        Api.as(f.sales).get("/api/v1/orders/" + order).then().body("outstanding", equalTo("50.00"));
        // The same rules as POST /payments at acceptance: a proof that no longer fits the outstanding amount is refused.
        String third = f.submit(f.tokenA, order, "50.00").then().statusCode(201).extract().path("id");
        Api.as(f.sales).body(Map.of("amount", "10.00", "method", "CASH")).post("/api/v1/orders/" + order + "/payments").then().statusCode(201);
        Api.as(f.manager).post("/api/v1/payment-proofs/" + third + "/accept").then().statusCode(422).body("code", equalTo("OVERPAYMENT"));
        Api.as(f.tokenA).get("/api/v1/orders/" + order + "/payment-proofs").then().statusCode(200)
                .body("items.status", equalTo(List.of("ACCEPTED", "REJECTED", "SUBMITTED")));
        // Every step on the order's timeline, and in the outbox.
        List<String> timeline = f.timeline(order);
        assertEquals(3, timeline.stream().filter("PAYMENT_PROOF_SUBMITTED"::equals).count(), timeline.toString());
        org.hamcrest.MatcherAssert.assertThat(timeline, hasItems("PAYMENT_PROOF_ACCEPTED", "PAYMENT_PROOF_REJECTED", "PAID"));
        assertEquals(List.of("paymentProof.submitted", "paymentProof.accepted", "paymentProof.submitted", "paymentProof.rejected",
                "paymentProof.submitted"), events(f.tenant));
        // GraphQL: the same service.
        Api.graphql(f.tokenA, "query($o: ID!) { orderPaymentProofs(orderId: $o) { edges { node { status amount } } } }", Map.of("o", order))
                .then().statusCode(200).body("data.orderPaymentProofs.edges[0].node.amount", equalTo("150.00"));
    }

    @Test
    void concurrentAcceptsRecordOnePayment() throws Exception {
        Fixture f = new Fixture();
        String order = f.confirmedOrder(1);
        String proof = f.submit(f.tokenA, order, "100.00").then().statusCode(201).extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                work.add(() -> Api.as(f.manager).post("/api/v1/payment-proofs/" + proof + "/accept").statusCode());
            }
            for (Future<Integer> r : pool.invokeAll(work)) {
                assertEquals(200, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Api.as(f.sales).get("/api/v1/orders/" + order + "/payments").then().body("items", hasSize(1));
        Api.as(f.sales).get("/api/v1/orders/" + order).then().body("paymentStatus", equalTo("PAID"));
    }

    @Test
    void partnersAndRolesAreKeptToTheirOwn() {
        Fixture f = new Fixture();
        String order = f.confirmedOrder(1);
        String other = Tokens.token(Tokens.newTenant(), "admin");
        // Submitting: another partner and another tenant 404; integration may not submit (403).
        f.submit(f.tokenB, order, "1.00").then().statusCode(404);
        f.submit(other, order, "1.00").then().statusCode(404);
        f.submit(f.integration, order, "1.00").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        f.submit(f.sales, order, "1.00").then().statusCode(201);
        String proof = f.submit(f.tokenA, order, "2.00").then().statusCode(201).extract().path("id");
        // Listing: another partner and another tenant 404.
        Api.as(f.tokenB).get("/api/v1/orders/" + order + "/payment-proofs").then().statusCode(404);
        Api.as(other).get("/api/v1/orders/" + order + "/payment-proofs").then().statusCode(404);
        Api.graphql(f.tokenB, "query($o: ID!) { orderPaymentProofs(orderId: $o) { edges { node { id } } } }", Map.of("o", order))
                .then().statusCode(200).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        // Deciding: partners and sales 403, another tenant's finance 404.
        Api.as(f.tokenA).post("/api/v1/payment-proofs/" + proof + "/accept").then().statusCode(403);
        Api.as(f.sales).post("/api/v1/payment-proofs/" + proof + "/accept").then().statusCode(403);
        Api.as(f.tokenA).body(Map.of("reason", "x")).post("/api/v1/payment-proofs/" + proof + "/reject").then().statusCode(403);
        Api.as(other).post("/api/v1/payment-proofs/" + proof + "/accept").then().statusCode(404);
        Api.as(other).body(Map.of("reason", "x")).post("/api/v1/payment-proofs/" + proof + "/reject").then().statusCode(404);
        Api.graphql(f.tokenA, "mutation($id: ID!) { acceptPaymentProof(id: $id) { id } }", Map.of("id", proof))
                .then().statusCode(200).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.graphql(f.manager, "mutation($id: ID!) { acceptPaymentProof(id: $id) { status } }", Map.of("id", proof))
                .then().statusCode(200).body("data.acceptPaymentProof.status", equalTo("ACCEPTED"));
    }

    private List<String> events(String tenant) {
        return db.list("select type from event_outbox where tenant_id = $1 and type like 'paymentProof.%' order by seq", Tuple.of(tenant),
                r -> r.getString("type")).await().atMost(Duration.ofSeconds(10));
    }
}
