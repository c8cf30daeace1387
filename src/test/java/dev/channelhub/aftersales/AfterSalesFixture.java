package dev.channelhub.aftersales;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A tenant with an owned channel, a warehouse, products A (100.00) and B (50.00) in stock, and orders through the API. */
final class AfterSalesFixture {

    final String tenant = Tokens.newTenant();
    final String admin = Tokens.token(tenant, "admin");
    final String sales = Tokens.token(tenant, "sales");
    final String manager = Tokens.token(tenant, "manager");
    final String online;

    AfterSalesFixture() {
        online = channel("ONLINE", "ONLINE_STORE");
        Api.as(admin).body(Map.of("code", "WH", "name", "Warehouse", "type", "WAREHOUSE", "priority", 10))
                .post("/api/v1/locations").then().statusCode(201);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String[] p : new String[][]{{"A", "100.00"}, {"B", "50.00"}}) {
            Api.as(admin).body(Map.of("sku", p[0], "name", "Product " + p[0])).post("/api/v1/products").then().statusCode(201);
            entries.add(Map.of("sku", p[0], "price", p[1]));
            Api.as(admin).body(Map.of("onHand", 10000)).put("/api/v1/stock/WH/" + p[0]).then().statusCode(200);
        }
        Api.as(admin).body(Map.of("code", "BASE", "name", "Base", "currency", "CNY", "entries", entries))
                .post("/api/v1/price-lists").then().statusCode(201);
    }

    String channel(String code, String type) {
        return Api.as(admin).body(Map.of("code", code, "name", code, "type", type)).post("/api/v1/channels").then().statusCode(201)
                .extract().path("id");
    }

    String activePartner(String code) {
        String id = channel(code, "DISTRIBUTOR");
        Api.as(admin).body(Map.of("to", "ACTIVE")).post("/api/v1/channels/" + id + "/transition").then().statusCode(200);
        return id;
    }

    /** An order of {@code qty} units of A on {@code channel}, confirmed, {@code shipped} units shipped, paid {@code paid}. */
    String order(String channel, int qty, int shipped, String paid, boolean deliver) {
        String id = Api.as(sales).body(Map.of("channelId", channel, "lines", List.of(Map.of("sku", "A", "quantity", qty))))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        Api.as(sales).post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
        if (shipped > 0) {
            String shipment = Api.as(sales).body(Map.of("lines", List.of(Map.of("sku", "A", "quantity", shipped))))
                    .post("/api/v1/orders/" + id + "/shipments").then().statusCode(201).extract().path("id");
            if (deliver) {
                Api.as(sales).post("/api/v1/orders/" + id + "/shipments/" + shipment + "/deliver").then().statusCode(200);
            }
        }
        if (paid != null) {
            Api.as(sales).body(Map.of("amount", paid, "method", "BANK_TRANSFER")).post("/api/v1/orders/" + id + "/payments")
                    .then().statusCode(201);
        }
        return id;
    }

    static Map<String, Object> returnOf(String orderId, Object... skuQty) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuQty.length; i += 2) {
            lines.add(Map.of("sku", skuQty[i], "quantity", skuQty[i + 1], "reason", "DEFECTIVE"));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("orderId", orderId);
        body.put("lines", lines);
        return body;
    }

    Response requestReturn(String token, String orderId, Object... skuQty) {
        return Api.as(token).body(returnOf(orderId, skuQty)).post("/api/v1/returns");
    }

    /** A return of {@code qty} units of A taken to RECEIVED (RESTOCK at WH). */
    String received(String orderId, int qty) {
        String id = requestReturn(sales, orderId, "A", qty).then().statusCode(201).extract().path("id");
        Api.as(manager).post("/api/v1/returns/" + id + "/approve").then().statusCode(200);
        Api.as(sales).body(Map.of("locationCode", "WH", "lines", List.of(Map.of("sku", "A", "quantity", qty, "disposition", "RESTOCK"))))
                .post("/api/v1/returns/" + id + "/receive").then().statusCode(200);
        return id;
    }

    Response refund(String returnId) {
        return Api.as(sales).body(Map.of("method", "BANK_TRANSFER", "reference", "R-1")).post("/api/v1/returns/" + returnId + "/refund");
    }

    long onHand(String sku) {
        return ((Number) Api.as(admin).get("/api/v1/stock/WH/" + sku).then().statusCode(200).extract().path("onHand")).longValue();
    }
}
