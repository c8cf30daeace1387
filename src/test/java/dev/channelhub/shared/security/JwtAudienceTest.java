package dev.channelhub.shared.security;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** With {@code mp.jwt.verify.audiences} (MP_JWT_VERIFY_AUDIENCES) set, a token must be meant for this API. */
@QuarkusTest
@TestProfile(JwtAudienceTest.Audiences.class)
class JwtAudienceTest {

    public static class Audiences implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The dispatcher and sweeps have nothing to do here: keep this extra start-up cheap.
            return Map.of("mp.jwt.verify.audiences", "channelhub-api,channelhub-admin", "channelhub.webhooks.enabled", "false");
        }
    }

    @Test
    void onlyTokensForAConfiguredAudienceAreAccepted() {
        String tenant = Tokens.newTenant();
        Api.as(Tokens.withAudience(tenant, "channelhub-api", "admin")).get("/api/v1/channels").then().statusCode(200);
        Api.as(Tokens.withAudience(tenant, "channelhub-admin", "admin")).get("/api/v1/channels").then().statusCode(200);
        Api.as(Tokens.withAudience(tenant, "some-other-service", "admin")).get("/api/v1/channels").then().statusCode(401);
        Api.as(Tokens.withAudience(tenant, null, "admin")).get("/api/v1/channels").then().statusCode(401);
    }
}
