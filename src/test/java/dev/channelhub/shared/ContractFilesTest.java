package dev.channelhub.shared;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed contracts (schema.graphqls, openapi/) must equal what the server serves. Run the build with
 * {@code -Dchannelhub.contracts.write=true} to regenerate them after an intended API change.
 */
@QuarkusTest
class ContractFilesTest {

    private static final boolean WRITE = Boolean.getBoolean("channelhub.contracts.write");

    @Test
    void graphqlSchemaMatchesCommittedFile() throws Exception {
        String served = RestAssured.given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        check(Path.of("schema.graphqls"), served);
        // A complete SDL: every scalar declared, so standard tools build it as it is.
        var registry = new SchemaParser().parse(served);
        assertNotNull(UnExecutableSchemaGenerator.makeUnExecutableSchema(registry).getQueryType());
    }

    @Test
    void openapiJsonMatchesCommittedFile() throws Exception {
        String served = RestAssured.given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        check(Path.of("openapi/openapi.json"), served);
        assertTrue(served.contains("application/problem+json"), "operations document problem+json errors");
        assertTrue(served.contains("bearer"), "bearer JWT security scheme");
    }

    @Test
    void openapiYamlMatchesCommittedFile() throws Exception {
        String served = RestAssured.given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        check(Path.of("openapi/openapi.yaml"), served);
    }

    private static void check(Path file, String served) throws Exception {
        String normalized = served.replace("\r\n", "\n").stripTrailing() + "\n";
        if (WRITE) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, normalized, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(file), file + " is missing: run ./mvnw verify -Dchannelhub.contracts.write=true");
        String committed = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertEquals(committed, normalized, file + " differs from what the server serves: run ./mvnw verify "
                + "-Dchannelhub.contracts.write=true and commit the result");
    }
}
