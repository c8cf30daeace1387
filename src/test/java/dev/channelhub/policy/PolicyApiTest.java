package dev.channelhub.policy;

import dev.channelhub.support.InvalidRequests;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class PolicyApiTest {

    @Inject
    Db db;

    static String channel(String admin, String code, String type, String tier, String region) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", code, "type", type));
        if (tier != null) {
            body.put("tier", tier);
        }
        if (region != null) {
            body.put("region", region);
        }
        return Api.as(admin).body(body).post("/api/v1/channels").then().statusCode(201).extract().path("id");
    }

    static String publish(String manager, Map<String, Object> audience, boolean ack) {
        return publish(manager, "ANNOUNCEMENT", audience, ack);
    }

    static String publish(String manager, String kind, Map<String, Object> audience, boolean ack) {
        return Api.as(manager).body(Map.of("title", "T " + kind, "kind", kind, "body", "Read me", "audience", audience,
                        "requiresAcknowledgement", ack, "attachments", List.of(Map.of("name", "terms.pdf", "url", "https://x.example/t.pdf"))))
                .post("/api/v1/policies").then().statusCode(201).body("version", equalTo(1)).extract().path("id");
    }

    static List<String> targeted(String manager, String policyId) {
        // Without required acknowledgement and before anyone reads, every targeted channel is pending.
        return Api.as(manager).get("/api/v1/policies/" + policyId + "/reach").then().statusCode(200).body("read", equalTo(0))
                .extract().path("pending");
    }

    @Test
    void audienceMatchesEachCriterion() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String a = channel(admin, "A", "DISTRIBUTOR", "GOLD", "EAST");
        String b = channel(admin, "B", "AGENT", "SILVER", "EAST");
        String c = channel(admin, "C", "DISTRIBUTOR", "SILVER", "WEST");
        String d = channel(admin, "D", "RETAIL_STORE", "GOLD", null);

        assertEquals(Set.of(a, b, c, d), new HashSet<>(targeted(manager, publish(manager, Map.of(), false))));
        assertEquals(Set.of(a, c), new HashSet<>(targeted(manager, publish(manager, Map.of("channelTypes", List.of("DISTRIBUTOR")), false))));
        assertEquals(Set.of(a, d), new HashSet<>(targeted(manager, publish(manager, Map.of("tiers", List.of("GOLD")), false))));
        assertEquals(Set.of(c), new HashSet<>(targeted(manager, publish(manager, Map.of("regions", List.of("WEST")), false))));
        assertEquals(Set.of(b, d), new HashSet<>(targeted(manager, publish(manager, Map.of("channelIds", List.of(b, d)), false))));
        // listed AND every set filter
        assertEquals(Set.of(b), new HashSet<>(targeted(manager, publish(manager,
                Map.of("channelIds", List.of(a, b, d), "regions", List.of("EAST"), "tiers", List.of("SILVER")), false))));
        assertEquals(Set.of(a, c), new HashSet<>(targeted(manager, publish(manager,
                Map.of("channelTypes", List.of("DISTRIBUTOR", "AGENT"), "tiers", List.of("GOLD", "SILVER"), "regions", List.of("EAST", "WEST"),
                        "channelIds", List.of(a, c, d)), false))));
        Api.as(manager).get("/api/v1/policies/" + publish(manager, Map.of("channelTypes", List.of("MARKETPLACE")), false) + "/reach")
                .then().body("targeted", equalTo(0)).body("pending", empty());
    }

    /** A group written straight to the channel feature's tables (its API is the channel feature's to test). */
    private String group(String tenant, String code, String[] ruleTypes, String... members) {
        java.util.UUID id = dev.channelhub.shared.persistence.Ids.newId();
        db.query("insert into channel_group (tenant_id, id, code, name, has_rule, rule_types) values ($1, $2, $3, $3, $4, $5)",
                Tuple.from(new Object[]{tenant, id, code, ruleTypes != null, ruleTypes})).await().indefinitely();
        for (String m : members) {
            db.query("insert into channel_group_member (tenant_id, group_id, channel_id) values ($1, $2, $3)",
                    Tuple.of(tenant, id, java.util.UUID.fromString(m))).await().indefinitely();
        }
        return id.toString();
    }

    @Test
    void groupsTargetTheirMembersAndTheSnapshotKeepsHistory() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String a = channel(admin, "A", "DISTRIBUTOR", null, null);
        String b = channel(admin, "B", "AGENT", null, null);
        String c = channel(admin, "C", "AGENT", null, null);
        String d = channel(admin, "D", "DISTRIBUTOR", null, null);
        String g = group(tenant, "G", null, a, b);
        String agents = group(tenant, "AGENTS", new String[]{"AGENT"});

        String p1 = publish(manager, Map.of("channelGroupIds", List.of(g)), false);
        assertEquals(Set.of(a, b), new HashSet<>(targeted(manager, p1)));
        assertEquals(Set.of(a), new HashSet<>(targeted(manager, publish(manager,
                Map.of("channelGroupIds", List.of(g), "channelTypes", List.of("DISTRIBUTOR")), false))));
        assertEquals(Set.of(b, c), new HashSet<>(targeted(manager, publish(manager, Map.of("channelGroupIds", List.of(agents)), false))));
        assertEquals(Set.of(a, b, d), new HashSet<>(targeted(manager, publish(manager,
                Map.of("channelGroupIds", List.of(g), "channelIds", List.of(d)), false))));

        // b leaves the group, c joins it: b keeps what it was sent, c gets the policy still in effect
        db.query("delete from channel_group_member where tenant_id = $1 and channel_id = $2", Tuple.of(tenant, java.util.UUID.fromString(b)))
                .await().indefinitely();
        db.query("insert into channel_group_member (tenant_id, group_id, channel_id) values ($1, $2, $3)",
                Tuple.of(tenant, java.util.UUID.fromString(g), java.util.UUID.fromString(c))).await().indefinitely();
        Api.as(Tokens.partner(tenant, b)).get("/api/v1/me/policies").then().body("items.policy.id", hasItem(p1));
        Api.as(Tokens.partner(tenant, c)).get("/api/v1/me/policies").then().body("items.policy.id", hasItem(p1));
        assertEquals(Set.of(a, b, c), new HashSet<>(targeted(manager, p1)));
        Api.as(Tokens.partner(tenant, d)).get("/api/v1/me/policies").then().body("items.policy.id", not(hasItem(p1)));
    }

    @Test
    void acknowledgementsArePerVersion() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String a = channel(admin, "A", "DISTRIBUTOR", null, null);
        String b = channel(admin, "B", "DISTRIBUTOR", null, null);
        String id = publish(manager, "PRICE_POLICY", Map.of(), true);
        String pa = Tokens.partner(tenant, a);

        Api.as(pa).post("/api/v1/policies/" + id + "/acknowledge").then().statusCode(200)
                .body("acknowledged", equalTo(true)).body("acknowledgedVersion", equalTo(1)).body("read", equalTo(true))
                .body("policy.audience", nullValue());
        Api.as(manager).get("/api/v1/policies/" + id + "/reach").then().statusCode(200)
                .body("targeted", equalTo(2)).body("read", equalTo(1)).body("acknowledged", equalTo(1))
                .body("pending", equalTo(List.of(b)));

        Api.as(manager).header("If-Match", "\"7\"").body(Map.of("body", "new terms")).patch("/api/v1/policies/" + id)
                .then().statusCode(412).body("code", equalTo("VERSION_CONFLICT"));
        Api.as(manager).header("If-Match", "\"1\"").body(Map.of("body", "new terms")).patch("/api/v1/policies/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2)).body("body", equalTo("new terms"))
                .body("title", equalTo("T PRICE_POLICY"));
        Api.as(manager).get("/api/v1/policies/" + id + "/reach").then()
                .body("version", equalTo(2)).body("acknowledged", equalTo(0)).body("read", equalTo(0))
                .body("acknowledgedOlderVersion", equalTo(1)).body("pending", containsInAnyOrder(a, b));
        // the new version is unread again in the partner's inbox
        Api.as(pa).get("/api/v1/me/policies").then().statusCode(200).body("items[0].read", equalTo(false))
                .body("items[0].acknowledged", equalTo(false)).body("items[0].acknowledgedVersion", equalTo(1));
        // acknowledging a stale version is refused; the current one counts
        Api.as(pa).body(Map.of("version", 1)).post("/api/v1/policies/" + id + "/acknowledge").then().statusCode(412);
        Api.as(pa).body(Map.of("version", 2)).post("/api/v1/policies/" + id + "/acknowledge").then().statusCode(200)
                .body("acknowledgedVersion", equalTo(2));
        Api.as(manager).get("/api/v1/policies/" + id + "/reach").then()
                .body("acknowledged", equalTo(1)).body("acknowledgedOlderVersion", equalTo(0)).body("pending", equalTo(List.of(b)));
        Long versions = db.one("select count(*) as n from policy_version where tenant_id = $1", Tuple.of(tenant), r -> r.getLong("n"))
                .await().indefinitely().orElseThrow();
        assertEquals(2L, versions);
        Long events = db.one("select count(*) as n from event_outbox where tenant_id = $1 and type = 'policy.published'",
                Tuple.of(tenant), r -> r.getLong("n")).await().indefinitely().orElseThrow();
        assertEquals(2L, events);
    }

    @Test
    void inboxShowsOnlyTargetedPoliciesUnreadFirst() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String a = channel(admin, "A", "DISTRIBUTOR", null, null);
        String b = channel(admin, "B", "AGENT", null, null);
        String forA1 = publish(manager, "PROMOTION", Map.of("channelIds", List.of(a)), false);
        String forA2 = publish(manager, "TRAINING", Map.of("channelTypes", List.of("DISTRIBUTOR")), false);
        String forA3 = publish(manager, "PROMOTION", Map.of(), false);
        String forB = publish(manager, "PROMOTION", Map.of("channelIds", List.of(b)), false);
        String notYet = Api.as(manager).body(Map.of("title", "Later", "kind", "ANNOUNCEMENT", "body", "x", "audience", Map.of(),
                "effectiveFrom", Instant.now().plus(Duration.ofDays(3)).toString())).post("/api/v1/policies")
                .then().statusCode(201).extract().path("id");
        String pa = Tokens.partner(tenant, a);
        String pb = Tokens.partner(tenant, b);

        Api.as(pa).post("/api/v1/policies/" + forA1 + "/read").then().statusCode(200).body("read", equalTo(true));
        Api.as(pa).get("/api/v1/me/policies").then().statusCode(200)
                .body("items.policy.id", equalTo(List.of(forA3, forA2, forA1))).body("items.read", equalTo(List.of(false, false, true)));
        Api.as(pa).get("/api/v1/me/policies?kind=PROMOTION").then().body("items.policy.id", equalTo(List.of(forA3, forA1)));
        // paging keeps the order across pages
        var first = Api.as(pa).get("/api/v1/me/policies?limit=2").then().statusCode(200)
                .body("items.policy.id", equalTo(List.of(forA3, forA2))).extract();
        Api.as(pa).queryParam("cursor", (String) first.path("nextCursor")).get("/api/v1/me/policies?limit=2").then()
                .body("items.policy.id", equalTo(List.of(forA1))).body("nextCursor", nullValue());

        // another partner's policy, a not-yet-effective one, another tenant: 404 for every action
        for (String other : List.of(forB, notYet)) {
            Api.as(pa).get("/api/v1/policies/" + other).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
            Api.as(pa).post("/api/v1/policies/" + other + "/read").then().statusCode(404);
            Api.as(pa).post("/api/v1/policies/" + other + "/acknowledge").then().statusCode(404);
        }
        Api.as(pb).get("/api/v1/me/policies").then().body("items.policy.id", containsInAnyOrder(forB, forA3));
        Api.as(pb).get("/api/v1/policies/" + forA1).then().statusCode(404);
        Api.as(Tokens.partner(Tokens.newTenant(), a)).get("/api/v1/policies/" + forA1).then().statusCode(404);
        Api.as(Tokens.token(Tokens.newTenant(), "manager")).get("/api/v1/policies/" + forA1).then().statusCode(404);
        Api.as(Tokens.token(Tokens.newTenant(), "manager")).get("/api/v1/policies/" + forA1 + "/reach").then().statusCode(404);
        Api.as(pa).get("/api/v1/policies/" + forA1).then().statusCode(200).body("audience", nullValue())
                .body("attachments[0].name", equalTo("terms.pdf"));
    }

    @Test
    void channelsMatchingLaterGetPoliciesStillInEffect() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String a = channel(admin, "A", "DISTRIBUTOR", null, null);
        String current = publish(manager, Map.of("channelTypes", List.of("DISTRIBUTOR")), false);
        String expired = Api.as(manager).body(Map.of("title", "Old", "kind", "ANNOUNCEMENT", "body", "x",
                        "audience", Map.of("channelTypes", List.of("DISTRIBUTOR")),
                        "effectiveFrom", Instant.now().minus(Duration.ofDays(3)).toString(),
                        "expiresAt", Instant.now().minus(Duration.ofDays(1)).toString()))
                .post("/api/v1/policies").then().statusCode(201).extract().path("id");
        Api.as(manager).get("/api/v1/policies/" + expired + "/reach").then().body("targeted", equalTo(1));

        String late = channel(admin, "LATE", "DISTRIBUTOR", null, null);
        Api.as(Tokens.partner(tenant, late)).get("/api/v1/me/policies").then().statusCode(200)
                .body("items.policy.id", equalTo(List.of(current)));
        Api.as(manager).get("/api/v1/policies/" + current + "/reach").then().body("targeted", equalTo(2))
                .body("pending", containsInAnyOrder(a, late));
        // an expired policy's reach is history: it does not grow
        Api.as(manager).get("/api/v1/policies/" + expired + "/reach").then().body("targeted", equalTo(1))
                .body("pending", equalTo(List.of(a)));
        // a channel created later is found by the reach too, without opening its inbox
        String later2 = channel(admin, "LATE2", "DISTRIBUTOR", null, null);
        Api.as(manager).get("/api/v1/policies/" + current + "/reach").then().body("targeted", equalTo(3))
                .body("pending", hasItem(later2));
    }

    @Test
    @InvalidRequests("a policy without a title, to see 400")
    void rolesAndValidation() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String a = channel(admin, "A", "DISTRIBUTOR", null, null);
        Map<String, Object> ok = Map.of("title", "T", "kind", "ANNOUNCEMENT", "body", "b", "audience", Map.of());
        Api.as(null).body(ok).post("/api/v1/policies").then().statusCode(401);
        Api.as(Tokens.token(tenant, "sales")).body(ok).post("/api/v1/policies").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        Api.as(Tokens.partner(tenant, a)).body(ok).post("/api/v1/policies").then().statusCode(403);
        Api.as(Tokens.token(tenant, "sales")).get("/api/v1/policies").then().statusCode(403);
        Api.as(manager).get("/api/v1/me/policies").then().statusCode(403);
        String id = Api.as(manager).body(ok).post("/api/v1/policies").then().statusCode(201).extract().path("id");
        Api.as(Tokens.partner(tenant, a)).get("/api/v1/policies/" + id + "/reach").then().statusCode(403);
        Api.as(Tokens.partner(tenant, a)).body(Map.of("title", "x")).patch("/api/v1/policies/" + id).then().statusCode(403);

        Api.as(manager).body(Map.of("kind", "ANNOUNCEMENT", "body", "b", "audience", Map.of())).post("/api/v1/policies")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("title"));
        Api.as(manager).body(Map.of("title", "T", "kind", "MEMO", "body", "b", "audience", Map.of())).post("/api/v1/policies")
                .then().statusCode(400);
        Api.as(manager).body(Map.of("title", "T", "kind", "ANNOUNCEMENT", "body", "b")).post("/api/v1/policies")
                .then().statusCode(400).body("errors.field", hasItem("audience"));
        Api.as(manager).body(Map.of("title", "T", "kind", "ANNOUNCEMENT", "body", "b", "audience", Map.of("channelIds", List.of("nope"))))
                .post("/api/v1/policies").then().statusCode(400).body("errors.field", hasItem("audience.channelIds[0]"));
        Api.as(manager).body(Map.of("title", "T", "kind", "ANNOUNCEMENT", "body", "b",
                        "audience", Map.of("channelIds", List.of(a, "0190a0a0-0000-7000-8000-000000000000"))))
                .post("/api/v1/policies").then().statusCode(400).body("errors.field", equalTo(List.of("audience.channelIds[1]")));
        Api.as(manager).body(Map.of("title", "T", "kind", "ANNOUNCEMENT", "body", "b", "audience", Map.of("channelTypes", List.of("BOAT"))))
                .post("/api/v1/policies").then().statusCode(400);
        Api.as(manager).body(Map.of("title", "T", "kind", "ANNOUNCEMENT", "body", "b", "audience", Map.of(),
                        "attachments", List.of(Map.of("name", "x", "url", "ftp:/nope"))))
                .post("/api/v1/policies").then().statusCode(400).body("errors.field", hasItem("attachments[0].url"));
        Api.as(manager).body(Map.of("title", "T", "kind", "ANNOUNCEMENT", "body", "b", "audience", Map.of(),
                        "effectiveFrom", "2026-12-01T00:00:00Z", "expiresAt", "2026-11-01T00:00:00Z"))
                .post("/api/v1/policies").then().statusCode(400).body("errors.field", hasItem("expiresAt"));
        Api.as(manager).body(Map.of()).patch("/api/v1/policies/" + id).then().statusCode(400);
        Api.as(manager).body(Map.of("title", " ")).patch("/api/v1/policies/" + id).then().statusCode(400);
        Api.as(manager).get("/api/v1/policies?kind=MEMO").then().statusCode(400).body("errors.field", hasItem("kind"));
        Api.as(manager).get("/api/v1/policies/not-an-id").then().statusCode(404);
        Api.as(manager).get("/api/v1/policies").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        // idempotent publication
        String again1 = Api.as(manager).header("Idempotency-Key", "k1").body(ok).post("/api/v1/policies").then().statusCode(201)
                .extract().path("id");
        Api.as(manager).header("Idempotency-Key", "k1").body(ok).post("/api/v1/policies").then().statusCode(201).body("id", equalTo(again1));
    }

    @Test
    void graphqlSharesTheRules() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String a = channel(admin, "A", "DISTRIBUTOR", "GOLD", null);
        String b = channel(admin, "B", "DISTRIBUTOR", "SILVER", null);
        String id = Api.graphql(manager, "mutation($in: PublishPolicyInput!) { publishPolicy(input: $in) { id version audience { tiers } } }",
                        Map.of("in", Map.of("title", "Gold prices", "kind", "PRICE_POLICY", "body", "b", "requiresAcknowledgement", true,
                                "audience", Map.of("tiers", List.of("GOLD")))))
                .then().statusCode(200).body("errors", nullValue()).body("data.publishPolicy.version", equalTo(1))
                .extract().path("data.publishPolicy.id");
        String pa = Tokens.partner(tenant, a);
        Api.graphql(pa, "{ myPolicies(first: 10) { edges { cursor node { read policy { id title } } } pageInfo { hasNextPage } } }")
                .then().body("errors", nullValue()).body("data.myPolicies.edges[0].node.policy.id", equalTo(id))
                .body("data.myPolicies.edges[0].node.read", equalTo(false));
        Api.graphql(pa, "mutation($id: ID!) { acknowledgePolicy(id: $id) { acknowledged acknowledgedVersion } }", Map.of("id", id))
                .then().body("errors", nullValue()).body("data.acknowledgePolicy.acknowledged", equalTo(true));
        Api.graphql(Tokens.partner(tenant, b), "mutation($id: ID!) { readPolicy(id: $id) { read } }", Map.of("id", id))
                .then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(manager, "mutation($id: ID!) { updatePolicy(id: $id, version: 1, input: {title: \"Gold prices 2027\"}) { version title } }",
                        Map.of("id", id))
                .then().body("errors", nullValue()).body("data.updatePolicy.version", equalTo(2));
        Api.graphql(manager, "mutation($id: ID!) { updatePolicy(id: $id, version: 1, input: {title: \"x\"}) { version } }", Map.of("id", id))
                .then().body("errors[0].extensions.code", equalTo("VERSION_CONFLICT"));
        Api.graphql(manager, "{ policies(first: 5) { edges { node { id reach { targeted acknowledged acknowledgedOlderVersion pending } } } } }")
                .then().body("errors", nullValue())
                .body("data.policies.edges[0].node.reach.targeted", equalTo(1))
                .body("data.policies.edges[0].node.reach.acknowledgedOlderVersion", equalTo(1))
                .body("data.policies.edges[0].node.reach.pending", equalTo(List.of(a)));
        Api.graphql(manager, "mutation { publishPolicy(input: {title: \"\", kind: TRAINING, body: \"b\", audience: {}}) { id } }")
                .then().body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"));
        Api.graphql(pa, "{ policies(first: 5) { edges { node { id } } } }").then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.graphql(pa, "{ policy(id: \"" + id + "\") { id title audience { tiers } } }").then().body("errors", nullValue())
                .body("data.policy.audience", nullValue());
    }
}
