package dev.channelhub.shared;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-tenant and per-partner rate limits (issue 21): a burst over the bucket is 429 RATE_LIMITED with Retry-After and
 * RateLimit-* headers, over REST and GraphQL, and one tenant's or partner's burst costs no one else anything. The
 * buckets refill once an hour here, so nothing refills while the test runs.
 */
@QuarkusTest
@TestProfile(RateLimitTest.Small.class)
class RateLimitTest {

    public static class Small implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("channelhub.rate-limit.tenant.limit", "12", "channelhub.rate-limit.tenant.period", "PT1H",
                    "channelhub.rate-limit.partner.limit", "3", "channelhub.rate-limit.partner.period", "PT1H");
        }
    }

    private static String channel(String admin, String code) {
        return Api.as(admin).body(Map.of("code", code, "name", code, "type", "DISTRIBUTOR")).post("/api/v1/channels")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aPartnersBurstIsLimitedWithoutCostingOtherPartnersOrTenants() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String a = channel(admin, "A");
        String b = channel(admin, "B");
        String partnerA = Tokens.partner(tenant, a);
        String partnerB = Tokens.partner(tenant, b);

        for (int i = 0; i < 3; i++) {
            Response ok = Api.as(partnerA).get("/api/v1/channels/" + a);
            assertEquals(200, ok.statusCode());
            assertEquals("3", ok.header("RateLimit-Limit"));
            assertEquals(String.valueOf(2 - i), ok.header("RateLimit-Remaining"));
        }
        Response refused = Api.as(partnerA).get("/api/v1/channels/" + a);
        refused.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"))
                .body("status", equalTo(429)).body("detail", notNullValue());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertEquals("0", refused.header("RateLimit-Remaining"));
        assertTrue(Long.parseLong(refused.header("RateLimit-Reset")) > 0);
        // GraphQL answers the same, with a code.
        Api.graphql(partnerA, "{ channel(id: \"" + a + "\") { code } }").then().statusCode(429)
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"));

        // Another partner of the same tenant has its own bucket; the tenant still has budget.
        Api.as(partnerB).get("/api/v1/channels/" + b).then().statusCode(200).header("RateLimit-Remaining", "2");
        Api.as(admin).get("/api/v1/channels").then().statusCode(200);
    }

    @Test
    void aTenantsBurstIsLimitedAndOtherTenantsAreNot() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String sales = Tokens.token(tenant, "sales");
        int ok = 0;
        Response last = null;
        for (int i = 0; i < 13; i++) {
            last = Api.as(i % 2 == 0 ? admin : sales).get("/api/v1/channels");
            if (last.statusCode() == 200) {
                ok++;
            }
        }
        assertEquals(12, ok, "the tenant's callers share one bucket of 12");
        last.then().statusCode(429).body("code", equalTo("RATE_LIMITED")).header("RateLimit-Limit", "12");
        Api.graphql(admin, "{ channels(first: 1) { edges { node { id } } } }").then().statusCode(429)
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"));

        String other = Tokens.token(Tokens.newTenant(), "admin");
        Api.as(other).get("/api/v1/channels").then().statusCode(200).header("RateLimit-Remaining", "11");
        // Calls without a token cost nothing and are answered as before.
        Api.as(null).get("/api/v1/channels").then().statusCode(401);
    }
}
