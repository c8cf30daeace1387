package dev.channelhub.shared.boot;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code seed --tenant demo} on an empty tenant, then a newcomer's first GraphQL query returns data (issue 21). */
@QuarkusTest
class SeedCommandTest {

    private static final String QUERY = """
            { channels(first: 50) { edges { node { code type status parentId } } }
              products(first: 50) { edges { node { sku } } }
              orders(first: 50) { edges { node { status total paymentStatus } } } }""";

    @Test
    void anEmptyTenantIsSeededOnceAndTheFirstGraphQLQueryReturnsData() throws Exception {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SeedCommand seed = new SeedCommand("http://localhost:" + RestAssured.port, tenant, role -> Tokens.token(tenant, role),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertTrue(seed.seed(), out.toString(StandardCharsets.UTF_8));

        JsonPath data = Api.graphql(admin, QUERY, Map.of()).then().statusCode(200).extract().jsonPath();
        assertEquals(null, (Object) data.get("errors"));
        List<String> types = data.getList("data.channels.edges.node.type");
        assertEquals(Set.of("DIRECT", "ONLINE_STORE", "MINI_PROGRAM", "MARKETPLACE", "DISTRIBUTOR", "AGENT", "RETAIL_STORE"),
                Set.copyOf(types), "a channel of every type");
        assertEquals(8, types.size());
        assertEquals(2L, data.getList("data.channels.edges.node.parentId").stream().filter(p -> p != null).count(), "a partner tree");
        assertEquals(6, data.getList("data.products.edges.node.sku").size());
        Set<String> statuses = new TreeSet<>(data.getList("data.orders.edges.node.status"));
        assertEquals(new TreeSet<>(Set.of("SUBMITTED", "CONFIRMED", "PARTIALLY_SHIPPED", "SHIPPED", "DELIVERED", "COMPLETED", "CANCELLED")), statuses);
        assertTrue(data.getList("data.orders.edges.node.paymentStatus").contains("PAID"));
        // three met on channels (Li Wei once, though met twice), two more through the leads
        Api.as(admin).get("/api/v1/customers").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(5));
        Api.as(admin).get("/api/v1/leads").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(2));
        Api.as(admin).get("/api/v1/policies").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(1));

        // A second run writes nothing.
        assertFalse(seed.seed());
        JsonPath again = Api.graphql(admin, QUERY, Map.of()).then().statusCode(200).extract().jsonPath();
        assertEquals(8, again.getList("data.channels.edges.node.code").size());
        assertEquals(7, again.getList("data.orders.edges.node.status").size());
    }

    @Test
    void aRefusedCallStopsTheSeedWithTheServersAnswer() {
        String tenant = Tokens.newTenant();
        SeedCommand seed = new SeedCommand("http://localhost:" + RestAssured.port, tenant, role -> Tokens.token(tenant, "sales"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        SeedCommand.SeedFailed failed = org.junit.jupiter.api.Assertions.assertThrows(SeedCommand.SeedFailed.class, seed::seed);
        assertTrue(failed.getMessage().contains("403"), failed.getMessage());
    }
}
