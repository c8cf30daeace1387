package dev.channelhub.lead;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.channelhub.lead.LeadFixtures.channel;
import static dev.channelhub.lead.LeadFixtures.rule;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Routing rules and lead settings are written as entities in a Hibernate Reactive transaction (issue 16): through
 * GraphQL too (no session of its own), scoped by tenant, versioned, and the settings row created once under concurrency.
 */
@QuarkusTest
class LeadMasterDataTest {

    @Inject
    Db db;

    @Test
    void routingRulesThroughGraphqlAreVersionedAndTenantScoped() {
        String tenant = Tokens.newTenant();
        String manager = Tokens.token(tenant, "manager");
        String a = channel(Tokens.token(tenant, "admin"), "A", "DIRECT");
        Map<String, Object> input = Map.of("priority", 3, "match", Map.of("regions", List.of(" EAST ", "EAST"), "minValue", "10"),
                "target", Map.of("channelId", a));
        String id = Api.graphql(manager, "mutation($in: LeadRoutingRuleInput!) { createLeadRoutingRule(input: $in, idempotencyKey: \"k1\") "
                        + "{ id version priority match { regions minValue } } }", Map.of("in", input))
                .then().body("errors", nullValue()).body("data.createLeadRoutingRule.version", equalTo(1))
                .body("data.createLeadRoutingRule.match.regions", equalTo(List.of("EAST")))
                .body("data.createLeadRoutingRule.match.minValue", equalTo("10.00"))
                .extract().path("data.createLeadRoutingRule.id");
        // The same key replays the answer: one rule.
        Api.graphql(manager, "mutation($in: LeadRoutingRuleInput!) { createLeadRoutingRule(input: $in, idempotencyKey: \"k1\") { id } }",
                Map.of("in", input)).then().body("errors", nullValue()).body("data.createLeadRoutingRule.id", equalTo(id));
        assertEquals(1L, count("select count(*) as n from lead_routing_rule where tenant_id = $1", tenant));

        String update = "mutation($id: ID!, $in: LeadRoutingRuleInput!, $v: Int) { updateLeadRoutingRule(id: $id, input: $in, version: $v) "
                + "{ version priority match { regions } } }";
        Map<String, Object> changed = Map.of("priority", 4, "target", Map.of("channelId", a));
        Api.graphql(manager, update, Map.of("id", id, "in", changed, "v", 1)).then().body("errors", nullValue())
                .body("data.updateLeadRoutingRule.version", equalTo(2)).body("data.updateLeadRoutingRule.priority", equalTo(4))
                .body("data.updateLeadRoutingRule.match.regions", nullValue());
        Api.graphql(manager, update, Map.of("id", id, "in", changed, "v", 1))
                .then().body("errors[0].extensions.code", equalTo("VERSION_CONFLICT"));
        Api.as(manager).get("/api/v1/lead-routing-rules/" + id).then().statusCode(200).header("ETag", "\"2\"");

        // Another tenant's manager finds nothing to change or delete, and the rule stays as it was.
        String other = Tokens.token(Tokens.newTenant(), "manager");
        Api.as(other).body(Map.of("priority", 4, "target", Map.of("channelGroupId", java.util.UUID.randomUUID().toString())))
                .put("/api/v1/lead-routing-rules/" + id).then().statusCode(404);
        Api.graphql(other, "mutation($id: ID!) { deleteLeadRoutingRule(id: $id) }", Map.of("id", id))
                .then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.as(manager).get("/api/v1/lead-routing-rules/" + id).then().statusCode(200).body("version", equalTo(2));

        Api.graphql(manager, "mutation($id: ID!) { deleteLeadRoutingRule(id: $id) }", Map.of("id", id))
                .then().body("errors", nullValue()).body("data.deleteLeadRoutingRule", equalTo(true));
        Api.as(manager).get("/api/v1/lead-routing-rules/" + id).then().statusCode(404);
    }

    @Test
    void settingsAreCreatedOnceUnderConcurrencyAndKeepWhatIsNotGiven() {
        String tenant = Tokens.newTenant();
        String manager = Tokens.token(tenant, "manager");
        // Two first changes at once: both succeed, one row.
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() ->
                Api.as(manager).body(Map.of("acceptDeadlineMinutes", 30)).put("/api/v1/lead-settings").statusCode());
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() ->
                Api.as(manager).body(Map.of("dealProtectionDays", 7)).put("/api/v1/lead-settings").statusCode());
        assertEquals(200, first.join());
        assertEquals(200, second.join());
        assertEquals(1L, count("select count(*) as n from lead_settings where tenant_id = $1", tenant));
        Api.as(manager).get("/api/v1/lead-settings").then().statusCode(200)
                .body("acceptDeadlineMinutes", equalTo(30)).body("dealProtectionDays", equalTo(7));

        Api.graphql(manager, "mutation { updateLeadSettings(input: {dealProtectionDays: 12}) { acceptDeadlineMinutes dealProtectionDays } }")
                .then().body("errors", nullValue()).body("data.updateLeadSettings.acceptDeadlineMinutes", equalTo(30))
                .body("data.updateLeadSettings.dealProtectionDays", equalTo(12));
        // Another tenant still has the defaults.
        Api.as(Tokens.token(Tokens.newTenant(), "manager")).get("/api/v1/lead-settings").then().statusCode(200)
                .body("acceptDeadlineMinutes", equalTo(2880)).body("dealProtectionDays", equalTo(90));
    }

    private long count(String sql, String tenant) {
        return db.one(sql, Tuple.of(tenant), r -> r.getLong("n")).await().indefinitely().orElseThrow();
    }
}
