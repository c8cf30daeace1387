package dev.channelhub.shared;

import dev.channelhub.support.Api;
import dev.channelhub.support.SqlCounter;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GraphQL cost (aliases and first count) and the bound on statements one operation runs at once (shared/web/GraphQLLimits). */
@QuarkusTest
class GraphQLLimitsTest {

    @Test
    void fifteenHundredAliasedPricesOverFiveHundredProductsAreRefusedBeforeAnyStatement() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String channel = Api.as(admin).body(Map.of("code", "C", "name", "C", "type", "DIRECT")).post("/api/v1/channels")
                .then().statusCode(201).extract().path("id");
        StringBuilder aliases = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            aliases.append(" p").append(i).append(": price { unitPrice }");
        }
        String query = "query($c: ID) { products(first: 500, channelId: $c) { edges { node { sku" + aliases + " } } } }";
        long before = SqlCounter.current();
        Api.graphql(admin, query, Map.of("c", channel)).then().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].extensions.maxCost", equalTo(50000))
                .body("errors[0].extensions.cost", greaterThan(50000))
                .body("errors[0].message", containsString("costs at least"));
        assertEquals(0, SqlCounter.current() - before, "refused before it ran");
        // first counts: the same selection over 20 products is fine.
        StringBuilder few = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            few.append(" p").append(i).append(": price { unitPrice }");
        }
        String small = "query($c: ID) { products(first: 20, channelId: $c) { edges { node { sku" + few + " } } } }";
        Api.graphql(admin, small, Map.of("c", channel)).then().statusCode(200).body("errors", nullValue());
    }

    @Test
    void everydayFrontEndQueriesStayWellUnderTheLimit() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        Api.graphql(admin, """
                { products(first: 20) { edges { cursor node { sku name category status floorPrice currency
                  price(quantity: 1) { unitPrice listPrice lineTotal priceListCode promotionCode floorApplied explanation }
                  bulk: price(quantity: 10) { unitPrice } } } pageInfo { hasNextPage endCursor } } }""")
                .then().statusCode(200).body("errors", nullValue());
        Api.graphql(admin, """
                { orders(first: 50) { edges { node { id number status paymentStatus total currency createdAt
                  lines { sku quantity unitPrice lineTotal priceListCode promotionCode }
                  customer { id name status } channel { id code name type status } } }
                  pageInfo { hasNextPage endCursor } } }""")
                .then().statusCode(200).body("errors", nullValue());
    }

    @Test
    void oneOperationRunsAtMostFourStatementsAtOnce() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 24; i++) {
            wide.append(" c").append(i).append(": channels(first: 1, tier: \"T").append(i).append("\") { edges { node { id } } }");
        }
        wide.append(" }");
        long before = SqlCounter.current();
        Api.graphql(admin, wide.toString()).then().statusCode(200).body("errors", nullValue())
                .body("data.c23.edges.size()", equalTo(0));
        assertTrue(SqlCounter.current() - before >= 24, "every alias ran its statement");
        double peak = metric("channelhub_request_concurrent_statements_max");
        assertTrue(peak >= 2, "the aliases ran side by side (" + peak + ")");
        assertTrue(peak <= 4, "never more than 4 at once (" + peak + ")");
    }

    private static double metric(String name) {
        for (String line : RestAssured.given().get("/q/metrics").asString().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return dev.channelhub.support.Metrics.sampleValue(line);
            }
        }
        throw new AssertionError(name + " not exported");
    }

}
