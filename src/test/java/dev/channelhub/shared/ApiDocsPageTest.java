package dev.channelhub.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

/** The browsable API reference at /docs/api: Redoc's page, its bundle (from the webjar) and the committed OpenAPI, open without a token. */
@QuarkusTest
class ApiDocsPageTest {

    @Test
    void theReferencePageItsBundleAndTheCommittedDocumentAreServed() throws IOException {
        String page = RestAssured.given().get("/docs/api/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<redoc spec-url=\"openapi.json\"")).extract().asString();
        Matcher script = Pattern.compile("<script src=\"([^\"]+)\"").matcher(page);
        assertThat("the page loads Redoc's bundle", script.find(), equalTo(true));
        // the script the page names exists (the webjar version in the page follows the pom's redoc.version)
        int size = RestAssured.given().get(script.group(1)).then().statusCode(200).contentType(containsString("javascript"))
                .extract().asByteArray().length;
        assertThat(size, greaterThan(100_000));
        String served = RestAssured.given().get("/docs/api/openapi.json").then().statusCode(200).extract().asString();
        assertThat("the page shows the committed openapi/openapi.json", served, equalTo(Files.readString(Path.of("openapi/openapi.json"))));
        // no page or asset from another host
        assertThat(page.contains("http://") || page.contains("https://"), equalTo(false));
    }
}
