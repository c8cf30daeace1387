package dev.channelhub.pricing;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tenant with an admin token and helpers to create channels, products, lists and promotions through the API. */
final class PricingFixture {

    final String tenant = Tokens.newTenant();
    final String admin = Tokens.token(tenant, "admin");

    String channel(String code, String type) {
        return Api.as(admin).body(Map.of("code", code, "name", code, "type", type)).post("/api/v1/channels")
                .then().statusCode(201).extract().path("id");
    }

    void product(String sku, String floor) {
        product(sku, floor, "tea");
    }

    void product(String sku, String floor, String category) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("name", "Product " + sku);
        body.put("category", category);
        if (floor != null) {
            body.put("floorPrice", floor);
        }
        Api.as(admin).body(body).post("/api/v1/products").then().statusCode(201);
    }

    String priceList(String code, Map<String, Object> scope, Integer priority, Object... skuPricePairs) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < skuPricePairs.length; i += 2) {
            entries.add(Map.of("sku", skuPricePairs[i], "price", skuPricePairs[i + 1]));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "List " + code);
        body.put("scope", scope);
        if (priority != null) {
            body.put("priority", priority);
        }
        body.put("entries", entries);
        return Api.as(admin).body(body).post("/api/v1/price-lists").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> quote(String channelId, Object... skuQuantityPairs) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuQuantityPairs.length; i += 2) {
            lines.add(Map.of("sku", skuQuantityPairs[i], "quantity", skuQuantityPairs[i + 1]));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channelId", channelId);
        body.put("lines", lines);
        return body;
    }
}
