package dev.channelhub.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.nullValue;

/** CORS is off unless configured (CHANNELHUB_CORS_ENABLED, CHANNELHUB_CORS_ORIGINS): no browser on another origin gets in. */
@QuarkusTest
class CorsTest {

    @Test
    void aPreflightFromAnotherOriginGetsNoAllowOrigin() {
        for (String path : new String[] {"/api/v1/channels", "/graphql"}) {
            RestAssured.given().header("Origin", "https://elsewhere.example")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .options(path)
                    .then().header("Access-Control-Allow-Origin", nullValue())
                    .header("Access-Control-Allow-Credentials", nullValue());
        }
    }

    @Test
    void aCrossOriginRequestGetsNoAllowOrigin() {
        RestAssured.given().header("Origin", "https://elsewhere.example").get("/q/openapi")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }
}
