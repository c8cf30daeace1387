package dev.channelhub.channel;

import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ChannelRatingTest {

    @Test
    void ratingSetsTierAndHistoryIsKept() {
        String tenant = Tokens.newTenant();
        String manager = Tokens.token(tenant, "manager");
        String id = Channels.create(manager, "D1", "DISTRIBUTOR", "\"tier\":\"SILVER\"");
        Api.as(manager).body("{\"period\":\"2026-Q3\",\"score\":81,\"tier\":\"GOLD\",\"notes\":\"strong quarter\"}")
                .post("/api/v1/channels/" + id + "/ratings").then().statusCode(201)
                .body("id", notNullValue()).body("channelId", equalTo(id)).body("score", equalTo(81)).body("tier", equalTo("GOLD"))
                .body("ratedBy", equalTo("user-manager")).body("ratedAt", notNullValue());
        Api.as(manager).get("/api/v1/channels/" + id).then().body("tier", equalTo("GOLD")).header("ETag", "\"2\"");
        Api.as(manager).header("Idempotency-Key", "rate-q4").body("{\"period\":\"2026-Q4\",\"score\":100,\"tier\":\"PLATINUM\"}")
                .post("/api/v1/channels/" + id + "/ratings").then().statusCode(201);
        Api.as(manager).header("Idempotency-Key", "rate-q4").body("{\"period\":\"2026-Q4\",\"score\":100,\"tier\":\"PLATINUM\"}")
                .post("/api/v1/channels/" + id + "/ratings").then().statusCode(201);
        Api.as(manager).get("/api/v1/channels/" + id + "/ratings").then().statusCode(200)
                .body("items.period", contains("2026-Q3", "2026-Q4")).body("items.score", contains(81, 100))
                .body("nextCursor", nullValue());
        Api.as(manager).get("/api/v1/channels/" + id + "/ratings?limit=1").then().body("items.size()", equalTo(1))
                .body("nextCursor", notNullValue());
        Api.as(manager).get("/api/v1/channels/" + id).then().body("tier", equalTo("PLATINUM"));
        // The partner reads its own ratings; sales reads; neither rates.
        Api.as(Tokens.partner(tenant, id)).get("/api/v1/channels/" + id + "/ratings").then().statusCode(200).body("items.size()", equalTo(2));
        Api.as(Tokens.partner(tenant, id)).body("{\"period\":\"x\",\"score\":100,\"tier\":\"DIAMOND\"}")
                .post("/api/v1/channels/" + id + "/ratings").then().statusCode(403);
        Api.as(Tokens.token(tenant, "sales")).body("{\"period\":\"x\",\"score\":100,\"tier\":\"DIAMOND\"}")
                .post("/api/v1/channels/" + id + "/ratings").then().statusCode(403);
    }

    @Test
    @InvalidRequests("malformed ratings, to see 400")
    void badRatingsAre400() {
        String manager = Tokens.token(Tokens.newTenant(), "manager");
        String id = Channels.create(manager, "D1", "DISTRIBUTOR");
        String[][] cases = {
                {"{\"period\":\"Q1\",\"score\":101,\"tier\":\"GOLD\"}", "score"},
                {"{\"period\":\"Q1\",\"score\":-1,\"tier\":\"GOLD\"}", "score"},
                {"{\"period\":\"Q1\",\"tier\":\"GOLD\"}", "score"},
                {"{\"period\":\"Q1\",\"score\":\"many\",\"tier\":\"GOLD\"}", "score"},
                {"{\"score\":50,\"tier\":\"GOLD\"}", "period"},
                {"{\"period\":\"Q1\",\"score\":50}", "tier"},
        };
        for (String[] c : cases) {
            Api.as(manager).body(c[0]).post("/api/v1/channels/" + id + "/ratings").then().statusCode(400)
                    .body("errors[0].field", equalTo(c[1]));
        }
        Api.as(manager).get("/api/v1/channels/" + id + "/ratings").then().body("items.size()", equalTo(0));
    }

    @Test
    void graphqlRateChannel() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String id = Channels.create(admin, "D1", "AGENT");
        Api.graphql(admin, "mutation($id: ID!) { rateChannel(id: $id, input: {period: \"2026-11\", score: 64, tier: \"BRONZE\"}) { score tier } }",
                        Map.of("id", id)).then().body("errors", nullValue()).body("data.rateChannel.tier", equalTo("BRONZE"));
        Api.graphql(admin, "query($id: ID!) { channel(id: $id) { tier } channelRatings(id: $id) { edges { node { period score } } } }",
                        Map.of("id", id)).then().body("errors", nullValue()).body("data.channel.tier", equalTo("BRONZE"))
                .body("data.channelRatings.edges[0].node.score", equalTo(64));
    }
}
