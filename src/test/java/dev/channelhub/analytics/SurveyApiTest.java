package dev.channelhub.analytics;

import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SurveyApiTest {

    private static String channel(String admin, String code) {
        return Api.as(admin).body("{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"type\":\"DISTRIBUTOR\"}")
                .post("/api/v1/channels").then().statusCode(201).extract().path("id");
    }

    @Test
    @InvalidRequests("scores out of range, to see 400")
    void recordsAnswersAndRejectsBadOnes() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String ch = channel(admin, "N1");
        String customer = UUID.randomUUID().toString();
        Api.as(Tokens.token(tenant, "sales")).body(Map.of("channelId", ch, "customerId", customer, "score", 9, "comment", "great"))
                .post("/api/v1/surveys/nps").then().statusCode(201)
                .body("id", notNullValue()).body("score", equalTo(9)).body("channelId", equalTo(ch)).body("customerId", equalTo(customer));
        Api.as(admin).body(Map.of("channelId", ch, "score", 11)).post("/api/v1/surveys/nps").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("score"));
        Api.as(admin).body(Map.of("channelId", ch, "score", -1)).post("/api/v1/surveys/nps").then().statusCode(400);
        Api.as(admin).body(Map.of("channelId", ch)).post("/api/v1/surveys/nps").then().statusCode(400).body("errors[0].field", equalTo("score"));
        Api.as(admin).body(Map.of("channelId", "nope", "score", 5)).post("/api/v1/surveys/nps").then().statusCode(400)
                .body("errors[0].field", equalTo("channelId"));
        Api.as(admin).body(Map.of("channelId", UUID.randomUUID().toString(), "score", 5)).post("/api/v1/surveys/nps").then().statusCode(400)
                .body("errors[0].field", equalTo("channelId"));
        Api.as(admin).body("{\"channelId\":\"" + ch + "\",\"score\":\"ten\"}").post("/api/v1/surveys/nps").then().statusCode(400);
        Api.graphql(admin, "mutation($in: RecordNpsInput!) { recordNps(input: $in) { id score customerId } }",
                        Map.of("in", Map.of("channelId", ch, "score", 3)))
                .then().body("errors", nullValue()).body("data.recordNps.score", equalTo(3)).body("data.recordNps.customerId", nullValue());
    }

    @Test
    void partnersOnlyForTheirOwnChannelAndTenantsAreSeparate() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String mine = channel(admin, "P1");
        String other = channel(admin, "P2");
        String partner = Tokens.partner(tenant, mine);
        Api.as(partner).body(Map.of("channelId", mine, "score", 10)).post("/api/v1/surveys/nps").then().statusCode(201);
        Api.as(partner).body(Map.of("channelId", other, "score", 10)).post("/api/v1/surveys/nps").then().statusCode(400)
                .body("errors[0].field", equalTo("channelId"));
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).body(Map.of("channelId", mine, "score", 10)).post("/api/v1/surveys/nps")
                .then().statusCode(400).body("errors[0].field", equalTo("channelId"));
        Api.as(null).body(Map.of("channelId", mine, "score", 10)).post("/api/v1/surveys/nps").then().statusCode(401);
        // Read back: the partner's answer counts for its own channel (one promoter: NPS 100), the refused ones for nobody.
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String period = "?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        String manager = Tokens.token(tenant, "manager");
        Api.as(manager).get("/api/v1/analytics/channels/" + mine + "/scorecard" + period).then().statusCode(200).body("nps", equalTo("100.0"));
        Api.as(manager).get("/api/v1/analytics/channels/" + other + "/scorecard" + period).then().statusCode(200).body("nps", nullValue());
    }
}
