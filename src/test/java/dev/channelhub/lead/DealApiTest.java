package dev.channelhub.lead;

import dev.channelhub.support.InvalidRequests;

import dev.channelhub.order.OrderPlacedHook;
import dev.channelhub.order.OrderPlacedHook.PlacedOrder;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.channelhub.lead.LeadFixtures.channel;
import static dev.channelhub.lead.LeadFixtures.count;
import static dev.channelhub.lead.LeadFixtures.customer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DealApiTest {

    @Inject
    Db db;

    @Inject
    DealService dealService;

    @Inject
    @Any
    Instance<OrderPlacedHook> hooks;

    static Map<String, Object> deal(String phone) {
        return new HashMap<>(Map.of("customer", customer(phone), "expectedValue", "120000", "closeDate", "2027-03-31",
                "skus", List.of("SKU-1", "SKU-2")));
    }

    @Test
    void racingPartnersExactlyOneWinsAndTheLoserLearnsOnlyTheEndDate() throws Exception {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String p1 = channel(admin, "P1", "DISTRIBUTOR");
        String p2 = channel(admin, "P2", "AGENT");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int round = 0; round < 4; round++) {
            String phone = "1380000100" + round;
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (String p : List.of(p1, p2)) {
                String token = Tokens.partner(tenant, p);
                answers.add(pool.submit(() -> {
                    start.await();
                    return Api.as(token).body(deal(phone)).post("/api/v1/deals");
                }));
            }
            start.countDown();
            int won = 0;
            int lost = 0;
            for (Future<Response> f : answers) {
                Response r = f.get();
                if (r.statusCode() == 201) {
                    won++;
                    assertEquals("PENDING", r.path("status"));
                } else {
                    lost++;
                    assertEquals(409, r.statusCode(), r.asString());
                    assertEquals("DEAL_CONFLICT", r.path("code"));
                    String detail = r.path("detail");
                    assertTrue(detail.contains("until 20"), detail);
                    assertFalse(detail.contains(p1) || detail.contains(p2) || detail.contains("P1") || detail.contains("P2"), detail);
                }
            }
            assertEquals(1, won, "round " + round);
            assertEquals(1, lost, "round " + round);
        }
        pool.shutdown();
        assertEquals(4L, count(db, "select count(*) from deal where tenant_id = $1", tenant));
        assertEquals(4L, count(db, "select count(*) from event_outbox where tenant_id = $1 and type = 'deal.registered'", tenant));
    }

    @Test
    @InvalidRequests("a dry run without a customer, to see 400")
    void dryRunAnswersWithoutWriting() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String p1 = channel(admin, "P1", "DISTRIBUTOR");
        String p2 = channel(admin, "P2", "AGENT");
        String t1 = Tokens.partner(tenant, p1);
        String t2 = Tokens.partner(tenant, p2);
        Api.as(t2).body(Map.of("customer", customer("13900000001"))).post("/api/v1/deals/check").then().statusCode(200)
                .body("conflict", equalTo(false)).body("protectedUntil", nullValue());
        String until = Api.as(t1).body(deal("13900000001")).post("/api/v1/deals").then().statusCode(201)
                .extract().path("protectedUntil");
        long events = count(db, "select count(*) from event_outbox where tenant_id = $1", tenant);
        Api.as(t2).body(Map.of("customer", customer("13900000001"))).post("/api/v1/deals/check").then().statusCode(200)
                .body("conflict", equalTo(true)).body("ownRegistration", equalTo(false)).body("protectedUntil", equalTo(until));
        Api.as(t1).body(Map.of("customer", customer("13900000001"))).post("/api/v1/deals/check").then().statusCode(200)
                .body("conflict", equalTo(false)).body("ownRegistration", equalTo(true));
        Api.as(t2).body(Map.of("customer", customer("13900000002"))).post("/api/v1/deals/check").then().statusCode(200)
                .body("conflict", equalTo(false));
        assertEquals(1L, count(db, "select count(*) from deal where tenant_id = $1", tenant));
        assertEquals(events, count(db, "select count(*) from event_outbox where tenant_id = $1", tenant));
        Api.graphql(t2, "query($in: DealCheckInput!) { checkDeal(input: $in) { conflict protectedUntil } }",
                        Map.of("in", Map.of("customer", customer("13900000001"))))
                .then().body("errors", nullValue()).body("data.checkDeal.conflict", equalTo(true));
        Api.as(t2).body(Map.of()).post("/api/v1/deals/check").then().statusCode(400).body("errors.field", hasItem("customer"));
    }

    @Test
    @InvalidRequests("an extension of 0 days, to see 400")
    void approvalRejectionExpiryAndExtension() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String p1 = channel(admin, "P1", "DISTRIBUTOR");
        String p2 = channel(admin, "P2", "AGENT");
        String t1 = Tokens.partner(tenant, p1);
        String t2 = Tokens.partner(tenant, p2);
        Api.as(manager).body(Map.of("dealProtectionDays", 10)).put("/api/v1/lead-settings").then().statusCode(200);

        var created = Api.as(t1).body(deal("13700000001")).post("/api/v1/deals").then().statusCode(201)
                .body("channelId", equalTo(p1)).body("expectedValue", equalTo("120000.00")).body("skus", equalTo(List.of("SKU-1", "SKU-2")))
                .extract();
        String id = created.path("id");
        long days = Duration.between(Instant.parse(created.path("registeredAt")), Instant.parse(created.path("protectedUntil"))).toDays();
        assertEquals(10, days);
        Api.as(t1).body(deal("13700000001")).post("/api/v1/deals").then().statusCode(409).body("code", equalTo("DUPLICATE"));

        Api.as(t1).post("/api/v1/deals/" + id + "/approve").then().statusCode(403);
        Api.as(Tokens.token(tenant, "sales")).post("/api/v1/deals/" + id + "/approve").then().statusCode(403);
        Api.as(manager).body(Map.of("reason", "known account")).post("/api/v1/deals/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", notNullValue());
        Api.as(manager).post("/api/v1/deals/" + id + "/approve").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));

        // extension on request
        Api.as(t1).body(Map.of("days", 0)).post("/api/v1/deals/" + id + "/extension").then().statusCode(400);
        Api.as(t2).body(Map.of("days", 30)).post("/api/v1/deals/" + id + "/extension").then().statusCode(404);
        // GraphQL rejectDealExtension is POST /extension/reject: managers only, and only a pending request.
        Api.as(t1).body(Map.of("days", 5)).post("/api/v1/deals/" + id + "/extension").then().statusCode(200);
        String reject = "mutation($id: ID!) { rejectDealExtension(id: $id) { id extensionRequestedDays } }";
        Api.graphql(t1, reject, Map.of("id", id)).then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.graphql(manager, reject, Map.of("id", id)).then().body("errors", nullValue())
                .body("data.rejectDealExtension.extensionRequestedDays", nullValue());
        Api.graphql(manager, reject, Map.of("id", id)).then().body("errors[0].extensions.code", equalTo("INVALID_TRANSITION"));
        Api.as(t1).body(Map.of("days", 30, "reason", "tender delayed")).post("/api/v1/deals/" + id + "/extension").then().statusCode(200)
                .body("extensionRequestedDays", equalTo(30));
        String extended = Api.as(manager).post("/api/v1/deals/" + id + "/extension/approve").then().statusCode(200)
                .body("extensionRequestedDays", nullValue()).extract().path("protectedUntil");
        assertEquals(40, Duration.between(Instant.parse(created.path("registeredAt")), Instant.parse(extended)).toDays());

        // expiry releases the customer
        assertEquals(0, dealService.expireDue(Instant.now().plus(Duration.ofDays(39))).await().indefinitely());
        Api.as(t2).body(deal("13700000001")).post("/api/v1/deals").then().statusCode(409);
        assertTrue(dealService.expireDue(Instant.now().plus(Duration.ofDays(41))).await().indefinitely() >= 1);
        Api.as(t1).get("/api/v1/deals/" + id).then().body("status", equalTo("EXPIRED"));
        assertEquals(1L, count(db, "select count(*) from event_outbox where tenant_id = $1 and type = 'deal.expired'", tenant));
        String second = Api.as(t2).body(deal("13700000001")).post("/api/v1/deals").then().statusCode(201).extract().path("id");

        // rejection releases too
        Api.as(manager).body(Map.of("reason", "not a real project")).post("/api/v1/deals/" + second + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        Api.as(t1).body(deal("13700000001")).post("/api/v1/deals").then().statusCode(201);
    }

    @Test
    void anOrderThroughAnotherChannelIsAChannelConflictAndNeverFailsTheOrder() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String p1 = channel(admin, "P1", "DISTRIBUTOR");
        String online = channel(admin, "ONLINE", "ONLINE_STORE");
        String customerId = Api.as(Tokens.partner(tenant, p1)).body(deal("13600000001")).post("/api/v1/deals").then().statusCode(201)
                .extract().path("customerId");
        UUID customer = UUID.fromString(customerId);

        placed(tenant, new PlacedOrder(Ids.newId(), "SO-1", UUID.fromString(p1), customer, new BigDecimal("10.00"), "CNY"));
        placed(tenant, new PlacedOrder(Ids.newId(), "SO-2", UUID.fromString(online), null, new BigDecimal("10.00"), "CNY"));
        assertEquals(0L, count(db, "select count(*) from deal_conflict where tenant_id = $1", tenant));
        UUID conflicting = Ids.newId();
        placed(tenant, new PlacedOrder(conflicting, "SO-3", UUID.fromString(online), customer, new BigDecimal("99.50"), "CNY"));
        Api.as(manager).get("/api/v1/deals/conflicts").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].orderId", equalTo(conflicting.toString())).body("items[0].orderChannelId", equalTo(online))
                .body("items[0].dealChannelId", equalTo(p1)).body("items[0].orderTotal", equalTo("99.50"));
        Api.as(Tokens.partner(tenant, p1)).get("/api/v1/deals/conflicts").then().statusCode(403);
        String conflicts = "{ dealConflicts { edges { node { orderId orderChannelId dealChannelId } } } }";
        Api.graphql(manager, conflicts).then().body("errors", nullValue())
                .body("data.dealConflicts.edges.node.orderId", equalTo(List.of(conflicting.toString())))
                .body("data.dealConflicts.edges[0].node.dealChannelId", equalTo(p1));
        Api.graphql(Tokens.partner(tenant, p1), conflicts).then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        assertEquals(1L, count(db, "select count(*) from event_outbox where tenant_id = $1 and type = 'deal.conflict'", tenant));
        Instant from = Instant.now().minus(Duration.ofHours(1));
        Instant to = Instant.now().plus(Duration.ofHours(1));
        assertEquals(1L, dealService.conflictCount(db.pool(), tenant, null, from, to).await().indefinitely());
        assertEquals(1L, dealService.conflictCount(db.pool(), tenant, UUID.fromString(online), from, to).await().indefinitely());
        assertEquals(0L, dealService.conflictCount(db.pool(), tenant, UUID.fromString(p1), from, to).await().indefinitely());

        // an order record the hook cannot use (no channel) is skipped; the order's transaction goes on
        Caller caller = Caller.of(tenant, "orders", Set.of(Role.SALES), null);
        Long after = db.inTransaction(tx -> runHooks(tx, caller, new PlacedOrder(Ids.newId(), "SO-4", null, customer, BigDecimal.ONE, "CNY"))
                        .flatMap(x -> db.one(tx, "select count(*) from deal where tenant_id = $1", io.vertx.mutiny.sqlclient.Tuple.of(tenant),
                                r -> r.getLong(0))))
                .await().indefinitely().orElseThrow();
        assertEquals(1L, after);
    }

    private Uni<Void> runHooks(io.vertx.mutiny.sqlclient.SqlClient tx, Caller caller, PlacedOrder order) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OrderPlacedHook hook : hooks) {
            chain = chain.flatMap(x -> hook.onPlaced(tx, caller, order));
        }
        return chain;
    }

    private void placed(String tenant, PlacedOrder order) {
        Caller caller = Caller.of(tenant, "orders", Set.of(Role.SALES), null);
        db.inTransaction(tx -> runHooks(tx, caller, order)).await().indefinitely();
    }

    @Test
    @InvalidRequests("a deal without closeDate and with a negative value, to see 400")
    void partnersSeeOnlyTheirDealsAndRolesAreEnforced() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String sales = Tokens.token(tenant, "sales");
        String p1 = channel(admin, "P1", "DISTRIBUTOR");
        String p2 = channel(admin, "P2", "AGENT");
        String t1 = Tokens.partner(tenant, p1);
        String t2 = Tokens.partner(tenant, p2);
        String id = Api.as(t1).body(deal("13500000001")).post("/api/v1/deals").then().statusCode(201).extract().path("id");
        Api.as(t2).get("/api/v1/deals/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as(t2).get("/api/v1/deals").then().body("items.size()", equalTo(0));
        Api.as(t2).get("/api/v1/deals?channelId=" + p1).then().body("items.size()", equalTo(0));
        Api.as(t1).get("/api/v1/deals").then().body("items.id", equalTo(List.of(id)));
        Api.as(manager).get("/api/v1/deals?status=PENDING").then().body("items.id", equalTo(List.of(id)));
        Api.as(Tokens.token(Tokens.newTenant(), "manager")).get("/api/v1/deals/" + id).then().statusCode(404);
        Api.as(null).get("/api/v1/deals").then().statusCode(401);
        Api.as(Tokens.token(tenant, "integration")).body(deal("13500000002")).post("/api/v1/deals").then().statusCode(403);

        // partners register for themselves only; sales register on a partner's behalf
        Map<String, Object> forOther = deal("13500000003");
        forOther.put("channelId", p1);
        Api.as(t2).body(forOther).post("/api/v1/deals").then().statusCode(403);
        Api.as(sales).body(deal("13500000003")).post("/api/v1/deals").then().statusCode(400).body("errors.field", hasItem("channelId"));
        Api.as(sales).body(forOther).post("/api/v1/deals").then().statusCode(201).body("channelId", equalTo(p1));

        Map<String, Object> bad = deal("13500000004");
        bad.remove("closeDate");
        bad.put("expectedValue", "-5");
        Api.as(t1).body(bad).post("/api/v1/deals").then().statusCode(400)
                .body("errors.field", hasItem("closeDate")).body("errors.field", hasItem("expectedValue"));
        Map<String, Object> badDate = deal("13500000004");
        badDate.put("closeDate", "31/03/2027");
        Api.as(t1).body(badDate).post("/api/v1/deals").then().statusCode(400);

        String gqlConflict = Api.graphql(t2, "mutation($in: RegisterDealInput!) { registerDeal(input: $in) { id } }",
                        Map.of("in", Map.of("customer", customer("13500000001"), "expectedValue", "10", "closeDate", "2027-01-01")))
                .then().body("errors[0].extensions.code", equalTo("DEAL_CONFLICT")).extract().path("errors[0].message");
        assertFalse(gqlConflict.contains(p1));
        Api.graphql(t2, "mutation($in: RegisterDealInput!) { registerDeal(input: $in) { id status channelId } }",
                        Map.of("in", Map.of("customer", customer("13500000009"), "expectedValue", "10", "closeDate", "2027-01-01")))
                .then().body("errors", nullValue()).body("data.registerDeal.channelId", equalTo(p2));
        Api.graphql(t2, "{ deals(first: 10) { edges { node { id channelId } } } }").then().body("errors", nullValue())
                .body("data.deals.edges.size()", equalTo(1)).body("data.deals.edges[0].node.channelId", not(equalTo(p1)));
        Api.graphql(t1, "mutation($id: ID!) { approveDeal(id: $id) { status } }", Map.of("id", id))
                .then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.graphql(manager, "mutation($id: ID!) { approveDeal(id: $id) { status } }", Map.of("id", id))
                .then().body("data.approveDeal.status", equalTo("APPROVED"));
        // The registering partner reads the manager's decision on its deal.
        Api.as(t1).get("/api/v1/deals/" + id).then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("user-manager")).body("decidedAt", notNullValue()).body("channelId", equalTo(p1));
    }
}
