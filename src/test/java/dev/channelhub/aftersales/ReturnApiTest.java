package dev.channelhub.aftersales;

import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Api;
import dev.channelhub.support.SqlCounter;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ReturnApiTest {

    @Test
    void paidOrderReturnIsRefundedRestockedAndShownOnTheOrder() {
        AfterSalesFixture f = new AfterSalesFixture();
        String order = f.order(f.online, 3, 3, "300.00", true);
        long before = f.onHand("A");
        Response created = f.requestReturn(f.sales, order, "A", 2);
        created.then().statusCode(201).body("status", equalTo("REQUESTED"))
                .body("number", matchesPattern("RMA-\\d{8}-\\d{6}")).body("orderId", equalTo(order)).body("channelId", equalTo(f.online))
                .body("lines[0].unitPrice", equalTo("100.00")).body("lines[0].refundAmount", equalTo("200.00"))
                .body("lines[0].receivedQuantity", equalTo(0)).body("refundTotal", equalTo("200.00")).body("currency", equalTo("CNY"))
                .body("version", equalTo(1));
        String id = created.path("id");
        Api.as(f.manager).post("/api/v1/returns/" + id + "/approve").then().statusCode(200).body("status", equalTo("APPROVED"));
        Api.as(f.sales).body(Map.of("locationCode", "WH", "lines", List.of(Map.of("sku", "A", "quantity", 2, "disposition", "RESTOCK"))))
                .post("/api/v1/returns/" + id + "/receive").then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("lines[0].receivedQuantity", equalTo(2)).body("lines[0].disposition", equalTo("RESTOCK"))
                .body("locationCode", equalTo("WH"));
        assertEquals(before + 2, f.onHand("A"), "RESTOCK puts the units back on hand");
        Api.as(f.admin).get("/api/v1/stock/ledger?sku=A&locationCode=WH&limit=500").then().statusCode(200)
                .body("items.findAll { it.kind == 'RETURN' }.size()", equalTo(1))
                .body("items.find { it.kind == 'RETURN' }.onHandDelta", equalTo(2))
                .body("items.find { it.kind == 'RETURN' }.refId", equalTo(id));
        f.refund(id).then().statusCode(200).body("status", equalTo("REFUNDED"))
                .body("refundedAmount", equalTo("200.00")).body("creditedAmount", equalTo("0.00")).body("refundMethod", equalTo("BANK_TRANSFER"));
        Api.as(f.sales).get("/api/v1/orders/" + order).then().statusCode(200)
                .body("refundedTotal", equalTo("200.00")).body("creditedTotal", equalTo("0.00")).body("netTotal", equalTo("100.00"))
                .body("outstanding", equalTo("0.00")).body("paymentStatus", equalTo("PAID"))
                .body("returns[0].id", equalTo(id)).body("returns[0].status", equalTo("REFUNDED"))
                .body("returns[0].number", equalTo(created.path("number")));
        Api.as(f.sales).get("/api/v1/orders/" + order + "/timeline?limit=100").then().statusCode(200)
                .body("items.type", hasItem("RETURN_REQUESTED")).body("items.type", hasItem("RETURN_APPROVED"))
                .body("items.type", hasItem("RETURN_RECEIVED")).body("items.type", hasItem("REFUNDED"))
                .body("items.find { it.type == 'RETURN_APPROVED' }.actor", notNullValue());
        Api.as(f.sales).get("/api/v1/returns/" + id + "/timeline").then().statusCode(200)
                .body("items.type", equalTo(List.of("REQUESTED", "APPROVED", "RECEIVED", "REFUNDED")))
                .body("items[1].actor", notNullValue());
        // Refunded again: the lifecycle ends there.
        f.refund(id).then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
    }

    @Test
    void partlyPaidOrderRefundsWhatWasPaidAndCreditsTheRest() {
        AfterSalesFixture f = new AfterSalesFixture();
        String partner = f.activePartner("P1");
        String order = f.order(partner, 3, 3, "100.00", true);
        Api.as(f.sales).get("/api/v1/channels/" + partner + "/receivables").then().statusCode(200).body("outstanding", equalTo("200.00"));
        String id = f.received(order, 2);
        f.refund(id).then().statusCode(200).body("refundedAmount", equalTo("100.00")).body("creditedAmount", equalTo("100.00"));
        Api.as(f.sales).get("/api/v1/orders/" + order).then().statusCode(200)
                .body("refundedTotal", equalTo("100.00")).body("creditedTotal", equalTo("100.00")).body("netTotal", equalTo("100.00"))
                .body("outstanding", equalTo("100.00")).body("paymentStatus", equalTo("UNPAID"));
        // The credit note lowers the channel's receivables by its amount.
        Api.as(f.sales).get("/api/v1/channels/" + partner + "/receivables").then().statusCode(200).body("outstanding", equalTo("100.00"));
    }

    @Test
    void unpaidOrderGetsACreditNoteAndThenOwesOnlyTheNetTotal() {
        AfterSalesFixture f = new AfterSalesFixture();
        String order = f.order(f.online, 3, 3, null, true);
        String id = f.received(order, 2);
        f.refund(id).then().statusCode(200).body("refundedAmount", equalTo("0.00")).body("creditedAmount", equalTo("200.00"));
        Api.as(f.sales).get("/api/v1/orders/" + order).then().statusCode(200)
                .body("refundedTotal", equalTo("0.00")).body("creditedTotal", equalTo("200.00")).body("netTotal", equalTo("100.00"))
                .body("outstanding", equalTo("100.00")).body("paymentStatus", equalTo("UNPAID")).body("status", equalTo("DELIVERED"));
        Api.as(f.sales).body(Map.of("amount", "100.01", "method", "CASH")).post("/api/v1/orders/" + order + "/payments")
                .then().statusCode(422).body("code", equalTo("OVERPAYMENT"));
        Api.as(f.sales).body(Map.of("amount", "100.00", "method", "CASH")).post("/api/v1/orders/" + order + "/payments")
                .then().statusCode(201).body("paymentStatus", equalTo("PAID")).body("orderStatus", equalTo("COMPLETED"))
                .body("outstanding", equalTo("0.00"));
    }

    @Test
    void onlyShippedUnitsNotInOtherReturnsCanBeReturned() {
        AfterSalesFixture f = new AfterSalesFixture();
        String notShipped = f.order(f.online, 3, 0, null, false);
        f.requestReturn(f.sales, notShipped, "A", 1).then().statusCode(409).body("code", equalTo("RETURN_QUANTITY_EXCEEDED"));
        String order = f.order(f.online, 3, 2, null, false);
        f.requestReturn(f.sales, order, "A", 3).then().statusCode(409).body("code", equalTo("RETURN_QUANTITY_EXCEEDED"))
                .body("errors[0].field", equalTo("lines[0].quantity"));
        f.requestReturn(f.sales, order, "B", 1).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("lines[0].sku"));
        String first = f.requestReturn(f.sales, order, "A", 2).then().statusCode(201).extract().path("id");
        f.requestReturn(f.sales, order, "A", 1).then().statusCode(409).body("code", equalTo("RETURN_QUANTITY_EXCEEDED"));
        // A rejected return frees its units.
        Api.as(f.sales).body(Map.of("reason", "not our product")).post("/api/v1/returns/" + first + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectReason", equalTo("not our product"));
        String second = f.requestReturn(f.sales, order, "A", 2).then().statusCode(201).extract().path("id");
        // Received above approved, refund before receipt, approving twice.
        Api.as(f.manager).post("/api/v1/returns/" + second + "/approve").then().statusCode(200);
        Api.as(f.manager).post("/api/v1/returns/" + second + "/approve").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        f.refund(second).then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        Api.as(f.sales).body(Map.of("locationCode", "WH", "lines", List.of(Map.of("sku", "A", "quantity", 3, "disposition", "RESTOCK"))))
                .post("/api/v1/returns/" + second + "/receive").then().statusCode(409).body("code", equalTo("RETURN_QUANTITY_EXCEEDED"));
        // SCRAP moves no stock; the refund is for the received units only.
        long onHand = f.onHand("A");
        Api.as(f.sales).body(Map.of("locationCode", "WH", "lines", List.of(Map.of("sku", "A", "quantity", 1, "disposition", "SCRAP"))))
                .post("/api/v1/returns/" + second + "/receive").then().statusCode(200).body("refundTotal", equalTo("100.00"))
                .body("lines[0].refundAmount", equalTo("100.00"));
        assertEquals(onHand, f.onHand("A"), "SCRAP changes no stock");
        f.refund(second).then().statusCode(200).body("creditedAmount", equalTo("100.00"));
    }

    @Test
    @InvalidRequests("a negative return window, to see 400")
    void theReturnWindowIsATenantSetting() {
        AfterSalesFixture f = new AfterSalesFixture();
        String order = f.order(f.online, 2, 2, null, true);
        Api.as(f.sales).get("/api/v1/settings").then().statusCode(200).body("returnWindowDays", equalTo(30));
        Api.as(f.manager).body(Map.of("returnWindowDays", 0)).patch("/api/v1/settings").then().statusCode(200)
                .body("returnWindowDays", equalTo(0));
        f.requestReturn(f.sales, order, "A", 1).then().statusCode(422).body("code", equalTo("RETURN_WINDOW_CLOSED"));
        Api.as(f.manager).body("{\"returnWindowDays\":null}").patch("/api/v1/settings").then().statusCode(200)
                .body("returnWindowDays", equalTo(30));
        f.requestReturn(f.sales, order, "A", 1).then().statusCode(201);
        Api.as(f.manager).body(Map.of("returnWindowDays", -1)).patch("/api/v1/settings").then().statusCode(400)
                .body("errors[0].field", equalTo("returnWindowDays"));
    }

    @Test
    void twoParallelReturnsForTheLastUnitsGetOne201AndOne409() throws Exception {
        AfterSalesFixture f = new AfterSalesFixture();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String order = f.order(f.online, 2, 2, null, false);
                List<Callable<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    calls.add(() -> f.requestReturn(f.sales, order, "A", 2).statusCode());
                }
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> r : pool.invokeAll(calls)) {
                    codes.add(r.get());
                }
                codes.sort(Integer::compareTo);
                assertEquals(List.of(201, 409), codes, "round " + round);
                Api.as(f.sales).get("/api/v1/returns?orderId=" + order).then().statusCode(200).body("items.size()", equalTo(1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void partnersSeeAndReturnOnlyTheirOwnChannelsOrders() {
        AfterSalesFixture f = new AfterSalesFixture();
        String chA = f.activePartner("PA");
        String chB = f.activePartner("PB");
        String partnerA = Tokens.partner(f.tenant, chA);
        String partnerB = Tokens.partner(f.tenant, chB);
        String orderA = f.order(chA, 2, 2, null, false);
        String id = f.requestReturn(partnerA, orderA, "A", 1).then().statusCode(201).extract().path("id");
        f.requestReturn(partnerB, orderA, "A", 1).then().statusCode(400).body("errors[0].field", equalTo("orderId"));
        Api.as(partnerA).get("/api/v1/returns/" + id).then().statusCode(200);
        Api.as(partnerB).get("/api/v1/returns/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as(partnerB).get("/api/v1/returns/" + id + "/timeline").then().statusCode(404);
        Api.as(partnerB).get("/api/v1/returns").then().statusCode(200).body("items.size()", equalTo(0));
        Api.as(partnerA).get("/api/v1/returns").then().statusCode(200).body("items.size()", equalTo(1));
        Api.as(partnerB).post("/api/v1/returns/" + id + "/approve").then().statusCode(403);
        Api.as(partnerA).post("/api/v1/returns/" + id + "/approve").then().statusCode(403);
        Api.as(Tokens.token(f.tenant, "integration")).post("/api/v1/returns/" + id + "/approve").then().statusCode(403);
        f.requestReturn(f.manager, orderA, "A", 1).then().statusCode(403);
        f.requestReturn(null, orderA, "A", 1).then().statusCode(401);
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/returns/" + id).then().statusCode(404);
        Api.graphql(partnerB, "query($id: ID!) { return(id: $id) { id } }", Map.of("id", id))
                .then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(partnerA, "query($id: ID!) { order(id: $id) { returns { id } } }", Map.of("id", orderA))
                .then().body("errors", nullValue()).body("data.order.returns[0].id", equalTo(id));
    }

    @Test
    void graphqlRunsTheSameLifecycle() {
        AfterSalesFixture f = new AfterSalesFixture();
        String order = f.order(f.online, 2, 2, "200.00", true);
        String id = Api.graphql(f.sales, "mutation($in: CreateReturnInput!) { requestReturn(input: $in, idempotencyKey: \"k1\") { id status refundTotal } }",
                        Map.of("in", Map.of("orderId", order, "lines", List.of(Map.of("sku", "A", "quantity", 1, "reason", "WRONG_ITEM")))))
                .then().body("errors", nullValue()).body("data.requestReturn.status", equalTo("REQUESTED"))
                .extract().path("data.requestReturn.id");
        Api.graphql(f.sales, "mutation($in: CreateReturnInput!) { requestReturn(input: $in, idempotencyKey: \"k1\") { id } }",
                        Map.of("in", Map.of("orderId", order, "lines", List.of(Map.of("sku", "A", "quantity", 1, "reason", "WRONG_ITEM")))))
                .then().body("errors", nullValue()).body("data.requestReturn.id", equalTo(id));
        Api.graphql(f.manager, "mutation($id: ID!) { approveReturn(id: $id) { status } }", Map.of("id", id))
                .then().body("errors", nullValue()).body("data.approveReturn.status", equalTo("APPROVED"));
        Api.graphql(f.sales, "mutation($id: ID!) { receiveReturn(id: $id, input: {locationCode: \"WH\", lines: [{sku: \"A\", quantity: 1, disposition: RESTOCK}]}) { status } }",
                        Map.of("id", id)).then().body("errors", nullValue()).body("data.receiveReturn.status", equalTo("RECEIVED"));
        Api.graphql(f.sales, "mutation($id: ID!) { refundReturn(id: $id, input: {method: \"CASH\"}) { status refundedAmount } }", Map.of("id", id))
                .then().body("errors", nullValue()).body("data.refundReturn.refundedAmount", equalTo("100.00"));
        Api.graphql(f.sales, "mutation($id: ID!) { refundReturn(id: $id, input: {method: \"CASH\"}) { status } }", Map.of("id", id))
                .then().body("errors[0].extensions.code", equalTo("INVALID_TRANSITION"));
        Api.graphql(f.sales, "query($id: ID!) { order(id: $id) { refundedTotal netTotal paymentStatus returns { number status lines { sku receivedQuantity } order { id } } } }",
                        Map.of("id", order))
                .then().body("errors", nullValue()).body("data.order.refundedTotal", equalTo("100.00")).body("data.order.paymentStatus", equalTo("PAID"))
                .body("data.order.returns[0].status", equalTo("REFUNDED")).body("data.order.returns[0].lines[0].receivedQuantity", equalTo(1))
                .body("data.order.returns[0].order.id", equalTo(order));
        Api.graphql(f.sales, "query($id: ID!) { return(id: $id) { timeline { edges { node { type actor } } } } }", Map.of("id", id))
                .then().body("errors", nullValue())
                .body("data.return.timeline.edges.node.type", equalTo(List.of("REQUESTED", "APPROVED", "RECEIVED", "REFUNDED")));
        Api.graphql(f.manager, "mutation($in: CreateReturnInput!) { requestReturn(input: $in) { id } }",
                        Map.of("in", Map.of("orderId", order, "lines", List.of(Map.of("sku", "A", "quantity", 1, "reason", "OTHER")))))
                .then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void salesReportAndScorecardAreNetOfRefundsInTheRefundsPeriod() {
        AfterSalesFixture f = new AfterSalesFixture();
        String order = f.order(f.online, 3, 3, "300.00", true);
        String from = LocalDate.now().minusDays(2).toString();
        String to = LocalDate.now().plusDays(2).toString();
        String report = "/api/v1/analytics/sales?groupBy=channel&from=" + from + "&to=" + to;
        Api.as(f.manager).get(report).then().statusCode(200).body("items[0].revenue", equalTo("300.00"));
        String id = f.received(order, 2);
        f.refund(id).then().statusCode(200);
        Api.as(f.manager).get(report).then().statusCode(200).body("items[0].revenue", equalTo("100.00")).body("items[0].orders", equalTo(1));
        Api.as(f.manager).get("/api/v1/analytics/sales?groupBy=sku&from=" + from + "&to=" + to).then().statusCode(200)
                .body("items.find { it.key == 'A' }.revenue", equalTo("100.00"));
        Api.as(f.manager).get("/api/v1/analytics/sales?groupBy=month&from=" + from + "&to=" + to).then().statusCode(200)
                .body("items.collect { it.revenue as BigDecimal }.sum()", equalTo(new java.math.BigDecimal("100.00")));
        Api.as(f.manager).get("/api/v1/analytics/channels/" + f.online + "/scorecard?from=" + from + "&to=" + to).then().statusCode(200)
                .body("revenue", equalTo("100.00")).body("returnRate", equalTo("0.6667"))
                .body("receivables", equalTo("0.00"));
    }

    @Test
    void aPageOfReturnsWithLinesCostsAConstantNumberOfStatements() {
        AfterSalesFixture f = new AfterSalesFixture();
        for (int i = 0; i < 25; i++) {
            String order = Api.as(f.sales).body(Map.of("channelId", f.online, "lines", List.of(Map.of("sku", "A", "quantity", 2),
                    Map.of("sku", "B", "quantity", 2)))).post("/api/v1/orders").then().statusCode(201).extract().path("id");
            Api.as(f.sales).post("/api/v1/orders/" + order + "/confirm").then().statusCode(200);
            Api.as(f.sales).body(Map.of("lines", List.of(Map.of("sku", "A", "quantity", 2), Map.of("sku", "B", "quantity", 2))))
                    .post("/api/v1/orders/" + order + "/shipments").then().statusCode(201);
            f.requestReturn(f.sales, order, "A", 1, "B", 1).then().statusCode(201);
            f.requestReturn(f.sales, order, "A", 1, "B", 1).then().statusCode(201);
        }
        long rest5 = restStatements(f, 5);
        long rest50 = restStatements(f, 50);
        assertEquals(rest5, rest50, "REST: statements must not grow with the page size");
        String gql = "query($n: Int) { returns(first: $n) { edges { node { number lines { sku refundAmount } order { number } } } } }";
        long g5 = gqlStatements(f, gql, 5, "data.returns.edges.size()");
        long g50 = gqlStatements(f, gql, 50, "data.returns.edges.size()");
        assertEquals(g5, g50, "GraphQL: statements must not grow with the page size");
        assertTrue(g50 <= 3, "a page of returns with lines and order: " + g50);
        String orders = "query($n: Int) { orders(first: $n) { edges { node { number returns { number lines { sku } } } } } }";
        long o5 = gqlStatements(f, orders, 5, "data.orders.edges.size()");
        long o25 = gqlStatements(f, orders, 25, "data.orders.edges.size()");
        assertEquals(o5, o25, "Order.returns is one statement per batch");
    }

    /** The fewest statements of three runs: background jobs (outbox dispatch, sweeps) share the global counter. */
    private static long restStatements(AfterSalesFixture f, int n) {
        return Math.min(restStatementsOnce(f, n), Math.min(restStatementsOnce(f, n), restStatementsOnce(f, n)));
    }

    private static long gqlStatements(AfterSalesFixture f, String query, int n, String sizePath) {
        return Math.min(gqlStatementsOnce(f, query, n, sizePath), Math.min(gqlStatementsOnce(f, query, n, sizePath),
                gqlStatementsOnce(f, query, n, sizePath)));
    }

    private static long restStatementsOnce(AfterSalesFixture f, int n) {
        long before = SqlCounter.current();
        Api.as(f.sales).get("/api/v1/returns?limit=" + n).then().statusCode(200).body("items.size()", equalTo(n))
                .body("items[0].lines.size()", equalTo(2));
        return SqlCounter.current() - before;
    }

    private static long gqlStatementsOnce(AfterSalesFixture f, String query, int n, String sizePath) {
        long before = SqlCounter.current();
        Api.graphql(f.sales, query, Map.of("n", n)).then().body("errors", nullValue()).body(sizePath, equalTo(n));
        return SqlCounter.current() - before;
    }
}
