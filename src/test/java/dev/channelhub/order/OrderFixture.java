package dev.channelhub.order;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A tenant with an active owned channel, a warehouse, products with base prices, and helpers to order. */
final class OrderFixture {

    final String tenant = Tokens.newTenant();
    final String admin = Tokens.token(tenant, "admin");
    final String sales = Tokens.token(tenant, "sales");
    final String online;

    private OrderFixture() {
        online = channel("ONLINE", "ONLINE_STORE", null);
        Api.as(admin).body(Map.of("code", "WH", "name", "Warehouse", "type", "WAREHOUSE", "priority", 10))
                .post("/api/v1/locations").then().statusCode(201);
    }

    static OrderFixture create() {
        return new OrderFixture();
    }

    String channel(String code, String type, String creditLimit) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", code, "type", type));
        if (creditLimit != null) {
            body.put("creditLimit", creditLimit);
        }
        return Api.as(admin).body(body).post("/api/v1/channels").then().statusCode(201).extract().path("id");
    }

    /** A partner channel admitted to ACTIVE. */
    String activePartner(String code, String creditLimit) {
        String id = channel(code, "DISTRIBUTOR", creditLimit);
        Api.as(admin).body(Map.of("to", "ACTIVE")).post("/api/v1/channels/" + id + "/transition").then().statusCode(200);
        return id;
    }

    /** Products with a base price list (one list per call, code BASE-n). */
    OrderFixture products(Map<String, String> pricesBySku) {
        List<Map<String, Object>> entries = new ArrayList<>();
        pricesBySku.forEach((sku, price) -> {
            Api.as(admin).body(Map.of("sku", sku, "name", "Product " + sku)).post("/api/v1/products").then().statusCode(201);
            entries.add(Map.of("sku", sku, "price", price));
        });
        Api.as(admin).body(Map.of("code", "BASE-" + System.nanoTime(), "name", "Base", "currency", "CNY", "entries", entries))
                .post("/api/v1/price-lists").then().statusCode(201);
        return this;
    }

    OrderFixture stock(String sku, long onHand) {
        Api.as(admin).body(Map.of("onHand", onHand)).put("/api/v1/stock/WH/" + sku).then().statusCode(200);
        return this;
    }

    static Map<String, Object> line(String sku, int quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    static Map<String, Object> order(String channelId, Object... skuQty) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuQty.length; i += 2) {
            lines.add(line((String) skuQty[i], (Integer) skuQty[i + 1]));
        }
        return Map.of("channelId", channelId, "lines", lines);
    }

    Response place(String token, Map<String, Object> body) {
        return Api.as(token).body(body).post("/api/v1/orders");
    }

    String placed(Map<String, Object> body) {
        return place(sales, body).then().statusCode(201).extract().path("id");
    }

    long reserved(String sku) {
        return ((Number) Api.as(admin).get("/api/v1/stock/WH/" + sku).then().statusCode(200).extract().path("reserved")).longValue();
    }

    long onHand(String sku) {
        return ((Number) Api.as(admin).get("/api/v1/stock/WH/" + sku).then().statusCode(200).extract().path("onHand")).longValue();
    }
}
