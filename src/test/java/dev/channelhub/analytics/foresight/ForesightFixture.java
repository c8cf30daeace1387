package dev.channelhub.analytics.foresight;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-computed set placed through the API today (no backdating; the tests move their windows with asOf).
 * Channels A (DISTRIBUTOR) and B (ONLINE_STORE); P1 100.00, P2 50.00, P3 10.00 (CNY):
 * <pre>
 * A c1 P1x2 = 200      A c1 P2x1 = 50      A c2 P1x1 = 100      A c4 P1x1 = 100 CANCELLED
 * B c3 P2x2 = 100      B -  P3x5 = 50
 * </pre>
 * A 350 (c1 2 orders, c2 1), B 150 (c3 1, one anonymous), tenant 500.
 */
final class ForesightFixture {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final String tenant = Tokens.newTenant();
    final String admin = Tokens.token(tenant, "admin");
    final String manager = Tokens.token(tenant, "manager");
    final String sales = Tokens.token(tenant, "sales");
    final LocalDate today = LocalDate.now(ZONE);
    final String a;
    final String b;
    final String partnerA;
    final String partnerB;
    final Map<String, String> customers = new HashMap<>();

    ForesightFixture() {
        a = channel("A", "DISTRIBUTOR", "EAST");
        b = channel("B", "ONLINE_STORE", "WEST");
        // only ACTIVE channels can order: A starts APPLIED (a DISTRIBUTOR); B may already be ACTIVE (409 then)
        for (String ch : List.of(a, b)) {
            int status = Api.as(admin).body(Map.of("to", "ACTIVE")).post("/api/v1/channels/" + ch + "/transition").then().extract().statusCode();
            if (status != 200 && status != 409) {
                throw new IllegalStateException("activating channel " + ch + ": " + status);
            }
        }
        partnerA = Tokens.partner(tenant, a);
        partnerB = Tokens.partner(tenant, b);
        Api.as(admin).body(Map.of("code", "WH", "name", "Warehouse", "type", "WAREHOUSE")).post("/api/v1/locations").then().statusCode(201);
        for (String sku : List.of("P1", "P2", "P3")) {
            Api.as(admin).body(Map.of("sku", sku, "name", "Product " + sku)).post("/api/v1/products").then().statusCode(201);
        }
        Api.as(admin).body(Map.of("code", "BASE", "name", "Base", "currency", "CNY", "entries", List.of(
                        Map.of("sku", "P1", "price", "100.00"), Map.of("sku", "P2", "price", "50.00"), Map.of("sku", "P3", "price", "10.00"))))
                .post("/api/v1/price-lists").then().statusCode(201);
        for (String sku : List.of("P1", "P2", "P3")) {
            Api.as(admin).body(Map.of("onHand", 1000)).put("/api/v1/stock/WH/" + sku).then().statusCode(200);
        }
        place(a, "c1", "P1", 2);
        place(a, "c1", "P2", 1);
        place(a, "c2", "P1", 1);
        String cancelled = place(a, "c4", "P1", 1);
        Api.as(sales).body(Map.of("reason", "changed mind")).post("/api/v1/orders/" + cancelled + "/cancel").then().statusCode(200);
        place(b, "c3", "P2", 2);
        place(b, null, "P3", 5);
    }

    private String channel(String code, String type, String region) {
        return Api.as(admin).body(Map.of("code", code, "name", "Channel " + code, "type", type, "region", region))
                .post("/api/v1/channels").then().statusCode(201).extract().path("id");
    }

    private String place(String channel, String customer, String sku, int quantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(Map.of("sku", sku, "quantity", quantity));
        Map<String, Object> body = new HashMap<>(Map.of("channelId", channel, "lines", lines));
        if (customer != null) {
            String phone = "1380000000" + customer.substring(1);
            body.put("customer", Map.of("name", customer, "identities", List.of(Map.of("kind", "PHONE", "value", phone))));
        }
        var json = Api.as(sales).body(body).post("/api/v1/orders").then().statusCode(201).extract().jsonPath();
        if (customer != null) {
            customers.put(customer, json.getString("customerId"));
        }
        return json.getString("id");
    }
}
