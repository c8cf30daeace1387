package dev.channelhub.shared;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SecurityTest {

    private static final String CREATE = "{\"code\":\"D1\",\"name\":\"Direct\",\"type\":\"DIRECT\"}";

    @Test
    void noTokenIs401ProblemJson() {
        Api.as(null).get("/api/v1/channels").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void expiredTokenIs401() {
        Api.as(Tokens.expired(Tokens.newTenant(), "admin")).get("/api/v1/channels").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void tokenSignedByAnotherKeyIs401() {
        Api.as(Tokens.foreignSigned(Tokens.newTenant(), "admin")).get("/api/v1/channels").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void garbageTokenIs401() {
        Api.as("not.a.jwt").get("/api/v1/channels").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void anotherTenantsChannelIs404() {
        String mine = Tokens.token(Tokens.newTenant(), "admin");
        String id = Api.as(mine).body(CREATE).post("/api/v1/channels").then().statusCode(201).extract().path("id");
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/channels/" + id).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/channels").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void salesCannotCreateChannels() {
        String tenant = Tokens.newTenant();
        Api.as(Tokens.token(tenant, "sales")).body(CREATE).post("/api/v1/channels").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        Api.as(Tokens.token(tenant, "admin")).get("/api/v1/channels").then().body("items.size()", equalTo(0));
    }

    @Test
    void tokenWithoutTenantIs401() {
        String token = io.smallrye.jwt.build.Jwt.issuer(Tokens.ISSUER).subject("x").groups("admin")
                .jws().sign(keyOfTests());
        Api.as(token).get("/api/v1/channels").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void graphqlWithoutTokenIsUnauthenticated() {
        var response = Api.graphql(null, "{ channels { edges { node { id } } } }");
        int status = response.statusCode();
        if (status == 401) {
            return;
        }
        response.then().statusCode(200).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("data.channels", nullValue());
    }

    @Test
    void graphqlBadTokenIsRejected() {
        Api.graphql("garbage", "{ channels { edges { node { id } } } }").then().statusCode(401);
    }

    @Test
    void graphqlWrongRoleIsForbidden() {
        Api.graphql(Tokens.token(Tokens.newTenant(), "sales"),
                        "mutation { createChannel(input: {code: \"X\", name: \"X\", type: DIRECT}) { id } }")
                .then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].message", notNullValue());
    }

    @Test
    void graphqlOtherTenantIsNotFound() {
        String id = Api.as(Tokens.token(Tokens.newTenant(), "admin")).body(CREATE).post("/api/v1/channels")
                .then().statusCode(201).extract().path("id");
        Api.graphql(Tokens.token(Tokens.newTenant(), "admin"), "query($id: ID!) { channel(id: $id) { id } }", Map.of("id", id))
                .then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void openEndpointsNeedNoToken() {
        Api.as(null).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Api.as(null).get("/q/health/live").then().statusCode(200);
        io.restassured.RestAssured.given().get("/q/openapi").then().statusCode(200);
        io.restassured.RestAssured.given().get("/graphql/schema.graphql").then().statusCode(200);
        io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("http_server_requests"));
    }

    private static java.security.PrivateKey keyOfTests() {
        try (var in = SecurityTest.class.getClassLoader().getResourceAsStream("test-jwt-private.pem")) {
            String pem = new String(in.readAllBytes()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return java.security.KeyFactory.getInstance("RSA")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
