package dev.channelhub.order;

import dev.channelhub.support.InvalidRequests;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.channelhub.order.OrderFixture.order;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Credit in every currency, holds that count toward credit, and the hold cap (API-CONTRACT-2 §6). */
@QuarkusTest
class PartnerCreditTest {

    private static Map<String, Object> hold(String channelId, String sku, int quantity) {
        return Map.of("channelId", channelId, "ttlSeconds", 86400, "lines", List.of(OrderFixture.line(sku, quantity)));
    }

    private static Response holdAs(String token, Map<String, Object> body) {
        return Api.as(token).body(body).post("/api/v1/stock/holds");
    }

    private static Map<String, Object> withCurrency(Map<String, Object> order, String currency) {
        Map<String, Object> body = new HashMap<>(order);
        body.put("currency", currency);
        return body;
    }

    @Test
    void anotherCurrencyIsRefusedBeforeTheCreditRuleAndReservesNothing() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10")).stock("A", 10_000);
        // A USD price list exists, so without the currency rule the USD order would be priced (the hole on main).
        Api.as(f.admin).body(Map.of("code", "USD", "name", "Dollars", "currency", "USD", "entries", List.of(Map.of("sku", "A", "price", "1"))))
                .post("/api/v1/price-lists").then().statusCode(201);
        String dealer = f.activePartner("CASH", "0");
        String partner = Tokens.partner(f.tenant, dealer);
        f.place(partner, order(dealer, "A", 1)).then().statusCode(422).body("code", equalTo("CREDIT_LIMIT_EXCEEDED"));
        f.place(partner, withCurrency(order(dealer, "A", 5000), "USD")).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("currency"));
        f.place(f.sales, withCurrency(order(dealer, "A", 5000), "USD")).then().statusCode(400).body("errors.field", hasItem("currency"));
        // The channel's own currency named explicitly is fine (and then the credit rule answers).
        f.place(partner, withCurrency(order(dealer, "A", 1), "CNY")).then().statusCode(422).body("code", equalTo("CREDIT_LIMIT_EXCEEDED"));
        Api.graphql(partner, "mutation($in: PlaceOrderInput!) { placeOrder(input: $in) { id } }",
                        Map.of("in", withCurrency(order(dealer, "A", 5000), "USD")))
                .then().body("errors[0].extensions.code", equalTo("VALIDATION_FAILED")).body("data.placeOrder", nullValue());
        assertEquals(0, f.reserved("A"));
        Api.as(f.admin).get("/api/v1/orders?channelId=" + dealer).then().statusCode(200).body("items.size()", equalTo(0));
        // A channel without a credit limit still orders in any currency it has prices in.
        String free = f.activePartner("FREE", null);
        f.place(f.sales, withCurrency(order(free, "A", 3), "USD")).then().statusCode(201).body("currency", equalTo("USD"));
    }

    @Test
    void openAmountsInAnotherCurrencyStillCount() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10")).stock("A", 100);
        Api.as(f.admin).body(Map.of("code", "USD", "name", "Dollars", "currency", "USD", "entries", List.of(Map.of("sku", "A", "price", "1"))))
                .post("/api/v1/price-lists").then().statusCode(201);
        String dealer = f.activePartner("DEALER", null);
        // Ordered in USD while it had no limit; then it gets a CNY limit: the USD debt is not forgotten.
        String usd = f.place(f.sales, withCurrency(order(dealer, "A", 5), "USD")).then().statusCode(201).extract().path("id");
        Api.as(f.admin).body(Map.of("creditLimit", "1000")).patch("/api/v1/channels/" + dealer).then().statusCode(200);
        f.place(f.sales, order(dealer, "A", 1)).then().statusCode(422).body("code", equalTo("CREDIT_LIMIT_EXCEEDED"));
        Api.as(f.sales).get("/api/v1/channels/" + dealer + "/receivables").then().statusCode(200)
                .body("otherCurrencies", equalTo(List.of("USD"))).body("availableCredit", equalTo("0.00"));
        Api.as(f.sales).body(Map.of("amount", "5", "method", "BANK_TRANSFER")).post("/api/v1/orders/" + usd + "/payments")
                .then().statusCode(201);
        f.place(f.sales, order(dealer, "A", 1)).then().statusCode(201);
        Api.as(f.sales).get("/api/v1/channels/" + dealer + "/receivables").then().statusCode(200)
                .body("otherCurrencies", equalTo(List.of())).body("availableCredit", equalTo("990.00"));
    }

    @Test
    void activeHoldsCountTowardCreditAtTheirValueWhenHeld() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10")).stock("A", 1000);
        String dealer = f.activePartner("DEALER", "100");
        String partner = Tokens.partner(f.tenant, dealer);
        String held = holdAs(partner, hold(dealer, "A", 6)).then().statusCode(201).body("value", equalTo("60.00"))
                .body("currency", equalTo("CNY")).extract().path("id");
        Api.as(f.sales).get("/api/v1/channels/" + dealer + "/receivables").then().statusCode(200)
                .body("onHold", equalTo("60.00")).body("outstanding", equalTo("0.00")).body("availableCredit", equalTo("40.00"));
        // 60 on hold + 50 > 100.
        f.place(partner, order(dealer, "A", 5)).then().statusCode(422).body("code", equalTo("CREDIT_LIMIT_EXCEEDED"));
        String ordered = f.place(partner, order(dealer, "A", 4)).then().statusCode(201).extract().path("id");
        // 40 owed + 60 on hold: a further hold of 10 is over the limit, and reserves nothing.
        holdAs(partner, hold(dealer, "A", 1)).then().statusCode(422).body("code", equalTo("CREDIT_LIMIT_EXCEEDED"));
        Api.graphql(partner, "mutation($in: CreateHoldInput!) { holdStock(input: $in) { id } }", Map.of("in", hold(dealer, "A", 1)))
                .then().body("errors[0].extensions.code", equalTo("CREDIT_LIMIT_EXCEEDED"));
        assertEquals(10, f.reserved("A"));
        // The hold keeps the value it was quoted at: a later, cheaper price does not shrink it.
        Api.as(f.admin).body(Map.of("code", "CHEAP", "name", "Cheap", "currency", "CNY", "scope", Map.of("channelIds", List.of(dealer)),
                "entries", List.of(Map.of("sku", "A", "price", "1")))).post("/api/v1/price-lists").then().statusCode(201);
        f.place(partner, order(dealer, "A", 1)).then().statusCode(422).body("code", equalTo("CREDIT_LIMIT_EXCEEDED"));
        // Consuming the hold replaces its value with the order's (not both).
        Map<String, Object> consume = new HashMap<>(order(dealer, "A", 6));
        consume.put("holdId", held);
        f.place(partner, consume).then().statusCode(201).body("total", equalTo("6.00"));
        Api.as(f.sales).get("/api/v1/channels/" + dealer + "/receivables").then().statusCode(200)
                .body("onHold", equalTo("0.00")).body("outstanding", equalTo("46.00"));
        // Releasing a hold frees its credit.
        String second = holdAs(partner, hold(dealer, "A", 54)).then().statusCode(201).extract().path("id");
        f.place(partner, order(dealer, "A", 1)).then().statusCode(422);
        Api.as(partner).post("/api/v1/stock/holds/" + second + "/release").then().statusCode(200);
        f.place(partner, order(dealer, "A", 1)).then().statusCode(201);
        Api.as(partner).get("/api/v1/orders/" + ordered).then().statusCode(200);
    }

    @Test
    @InvalidRequests("a hold cap below 1, to see 400")
    void theHoldCapIsATenantSettingForPartnerChannels() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10")).stock("A", 1000);
        String dealer = f.activePartner("DEALER", null);
        String partner = Tokens.partner(f.tenant, dealer);
        String manager = Tokens.token(f.tenant, "manager");
        Api.as(partner).get("/api/v1/settings").then().statusCode(200).body("maxActiveHoldsPerChannel", equalTo(20));
        // Only managers and admins change settings; bad values change nothing.
        Api.as(f.sales).body(Map.of("maxActiveHoldsPerChannel", 2)).patch("/api/v1/settings").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        Api.as(partner).body(Map.of("maxActiveHoldsPerChannel", 2)).patch("/api/v1/settings").then().statusCode(403);
        Api.as(null).get("/api/v1/settings").then().statusCode(401);
        for (Object bad : List.of(0, 1001, 1.5, "x")) {
            Api.as(manager).body(Map.of("maxActiveHoldsPerChannel", bad)).patch("/api/v1/settings").then().statusCode(400)
                    .body("errors.field", hasItem("maxActiveHoldsPerChannel"));
        }
        Api.as(manager).body(Map.of()).patch("/api/v1/settings").then().statusCode(400);
        Api.as(manager).header("If-Match", "\"7\"").body(Map.of("maxActiveHoldsPerChannel", 2)).patch("/api/v1/settings")
                .then().statusCode(412).body("code", equalTo("VERSION_CONFLICT"));
        Api.as(manager).header("If-Match", "\"0\"").body(Map.of("maxActiveHoldsPerChannel", 2)).patch("/api/v1/settings")
                .then().statusCode(200).header("ETag", "\"1\"").body("maxActiveHoldsPerChannel", equalTo(2)).body("version", equalTo(1));
        // Another tenant keeps the default.
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/settings").then().statusCode(200)
                .body("maxActiveHoldsPerChannel", equalTo(20));

        String first = holdAs(partner, hold(dealer, "A", 1)).then().statusCode(201).extract().path("id");
        holdAs(partner, hold(dealer, "A", 1)).then().statusCode(201);
        holdAs(partner, hold(dealer, "A", 1)).then().statusCode(422).body("code", equalTo("LIMIT_EXCEEDED"));
        holdAs(f.sales, hold(dealer, "A", 1)).then().statusCode(422).body("code", equalTo("LIMIT_EXCEEDED"));
        Api.graphql(partner, "mutation($in: CreateHoldInput!) { holdStock(input: $in) { id } }", Map.of("in", hold(dealer, "A", 1)))
                .then().body("errors[0].extensions.code", equalTo("LIMIT_EXCEEDED"));
        assertEquals(2, f.reserved("A"));
        Api.as(partner).post("/api/v1/stock/holds/" + first + "/release").then().statusCode(200);
        holdAs(partner, hold(dealer, "A", 1)).then().statusCode(201);
        // Owned channels' carts are not capped.
        for (int i = 0; i < 3; i++) {
            holdAs(f.sales, hold(f.online, "A", 1)).then().statusCode(201).body("value", nullValue());
        }
        // GraphQL: the same settings; null/clear returns to the default.
        Api.graphql(partner, "{ tenantSettings { maxActiveHoldsPerChannel version } }").then()
                .body("data.tenantSettings.maxActiveHoldsPerChannel", equalTo(2));
        Api.graphql(f.sales, "mutation { updateTenantSettings(input: {maxActiveHoldsPerChannel: 5}) { version } }").then()
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.graphql(manager, "mutation { updateTenantSettings(input: {maxActiveHoldsPerChannel: 3}, version: 1) { maxActiveHoldsPerChannel version } }")
                .then().body("errors", nullValue()).body("data.updateTenantSettings.maxActiveHoldsPerChannel", equalTo(3));
        holdAs(partner, hold(dealer, "A", 1)).then().statusCode(201);
        holdAs(partner, hold(dealer, "A", 1)).then().statusCode(422).body("code", equalTo("LIMIT_EXCEEDED"));
        Api.as(manager).body("{\"maxActiveHoldsPerChannel\": null}").patch("/api/v1/settings").then().statusCode(200)
                .body("maxActiveHoldsPerChannel", equalTo(20));
        holdAs(partner, hold(dealer, "A", 1)).then().statusCode(201);
        // The lead settings keep their own home.
        Api.as(manager).get("/api/v1/lead-settings").then().statusCode(200).body("dealProtectionDays", equalTo(90));
    }

    @Test
    void parallelHoldsNeverExceedTheCap() throws Exception {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10")).stock("A", 1000);
        String dealer = f.activePartner("DEALER", null);
        String partner = Tokens.partner(f.tenant, dealer);
        Api.as(f.admin).body(Map.of("maxActiveHoldsPerChannel", 3)).patch("/api/v1/settings").then().statusCode(200);
        List<Integer> codes = race(8, i -> holdAs(partner, hold(dealer, "A", 1)));
        assertEquals(3, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(5, codes.stream().filter(c -> c == 422).count(), codes.toString());
        assertEquals(3, f.reserved("A"));
    }

    @Test
    void parallelHoldsAndOrdersNeverExceedTheCredit() throws Exception {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10")).stock("A", 1000);
        String dealer = f.activePartner("DEALER", "100");
        String partner = Tokens.partner(f.tenant, dealer);
        // Ten placements of 30.00 each, half holds and half orders: at most three fit in 100.00.
        List<Integer> codes = race(10, i -> i % 2 == 0 ? holdAs(partner, hold(dealer, "A", 3)) : f.place(partner, order(dealer, "A", 3)));
        assertEquals(3, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(7, codes.stream().filter(c -> c == 422).count(), codes.toString());
        assertEquals(9, f.reserved("A"));
    }

    private static List<Integer> race(int n, java.util.function.IntFunction<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                Callable<Integer> c = () -> {
                    start.await();
                    return call.apply(k).statusCode();
                };
                answers.add(pool.submit(c));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> a : answers) {
                codes.add(a.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }
}
