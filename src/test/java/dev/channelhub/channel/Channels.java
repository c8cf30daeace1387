package dev.channelhub.channel;

import dev.channelhub.support.Api;

/** Test data for the channel feature, created through the API. */
final class Channels {

    private Channels() {
    }

    /** Creates a channel; {@code extra} is more JSON members, e.g. {@code "\"tier\":\"GOLD\""}. Returns its id. */
    static String create(String token, String code, String type, String... extra) {
        StringBuilder body = new StringBuilder("{\"code\":\"" + code + "\",\"name\":\"" + code + " name\",\"type\":\"" + type + "\"");
        for (String e : extra) {
            body.append(',').append(e);
        }
        body.append('}');
        return Api.as(token).body(body.toString()).post("/api/v1/channels").then().statusCode(201).extract().path("id");
    }

    static void transition(String token, String id, String to) {
        Api.as(token).body("{\"to\":\"" + to + "\"}").post("/api/v1/channels/" + id + "/transition").then().statusCode(200);
    }
}
