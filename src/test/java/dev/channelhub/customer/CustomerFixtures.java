package dev.channelhub.customer;

import dev.channelhub.support.Api;
import io.restassured.response.ValidatableResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the customer tests. */
final class CustomerFixtures {

    private CustomerFixtures() {
    }

    static String channel(String token, String code, String type) {
        return Api.as(token).body(Map.of("code", code, "name", code, "type", type)).post("/api/v1/channels")
                .then().statusCode(201).extract().path("id");
    }

    /** {"PHONE", "139...", "EMAIL", "a@b.cn"} → identities list. */
    static List<Map<String, String>> ids(String... kindValue) {
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < kindValue.length; i += 2) {
            out.add(Map.of("kind", kindValue[i], "value", kindValue[i + 1]));
        }
        return out;
    }

    static Map<String, Object> identifyBody(String channelId, String name, String... kindValue) {
        Map<String, Object> body = new HashMap<>();
        body.put("channelId", channelId);
        if (name != null) {
            body.put("name", name);
        }
        body.put("identities", ids(kindValue));
        return body;
    }

    static ValidatableResponse identify(String token, String channelId, String name, String... kindValue) {
        return Api.as(token).body(identifyBody(channelId, name, kindValue)).post("/api/v1/customers/identify").then();
    }

    static String newCustomer(String token, String channelId, String name, String... kindValue) {
        return identify(token, channelId, name, kindValue).statusCode(201).extract().path("customer.id");
    }
}
