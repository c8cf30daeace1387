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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.channelhub.lead.LeadFixtures.channel;
import static dev.channelhub.lead.LeadFixtures.count;
import static dev.channelhub.lead.LeadFixtures.customer;
import static dev.channelhub.lead.LeadFixtures.group;
import static dev.channelhub.lead.LeadFixtures.lead;
import static dev.channelhub.lead.LeadFixtures.rule;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LeadApiTest {

    @Inject
    Db db;

    @Inject
    LeadService leadService;

    @Inject
    @Any
    Instance<OrderPlacedHook> hooks;

    private static String create(String token, Map<String, Object> body) {
        return Api.as(token).body(body).post("/api/v1/leads").then().statusCode(201).extract().path("id");
    }

    private static String assignee(String token, String leadId) {
        return Api.as(token).get("/api/v1/leads/" + leadId).then().statusCode(200).extract().path("assignedChannelId");
    }

    @Test
    void routesByEachRuleKindInPriorityOrder() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String sales = Tokens.token(tenant, "sales");
        String east = channel(admin, "EAST", "DIRECT");
        String printers = channel(admin, "PRN", "ONLINE_STORE");
        String big = channel(admin, "BIG", "MARKETPLACE");
        String both = channel(admin, "BOTH", "MINI_PROGRAM");
        String applied = channel(admin, "APPLIED", "RETAIL_STORE");
        rule(manager, 500, Map.of("regions", List.of("NORTH")), Map.of("channelId", applied)); // not ACTIVE: skipped
        String r1 = rule(manager, 100, Map.of("regions", List.of("EAST")), Map.of("channelId", east));
        rule(manager, 90, Map.of("categories", List.of("PRINTER", "COPIER")), Map.of("channelId", printers));
        rule(manager, 80, Map.of("minValue", "10000"), Map.of("channelId", big));
        rule(manager, 70, Map.of("regions", List.of("WEST"), "categories", List.of("LAPTOP")), Map.of("channelId", both));

        String l1 = create(sales, lead("13800000001", "EAST", "PRINTER", "50000"));
        Api.as(sales).get("/api/v1/leads/" + l1).then().body("assignedChannelId", equalTo(east)).body("routingRuleId", equalTo(r1))
                .body("status", equalTo("NEW")).body("acceptDeadline", notNullValue()).body("estimatedValue", equalTo("50000.00"));
        assertEquals(printers, assignee(sales, create(sales, lead("13800000002", "WEST", "COPIER", "50000"))));
        assertEquals(big, assignee(sales, create(sales, lead("13800000003", "WEST", "PHONE", "10000"))));
        assertEquals(both, assignee(sales, create(sales, lead("13800000004", "WEST", "LAPTOP", "10"))));
        // region alone is not enough for the AND rule; nothing else matches
        Map<String, Object> unmatched = new HashMap<>(lead("13800000005", "WEST", "TABLET", "9999.99"));
        // with neither a source nor an assignee there is no channel to identify the customer through
        Api.as(sales).body(unmatched).post("/api/v1/leads").then().statusCode(400).body("errors.field", hasItem("sourceChannelId"));
        unmatched.put("sourceChannelId", big);
        String none = create(sales, unmatched);
        Api.as(sales).get("/api/v1/leads/" + none).then().body("status", equalTo("UNASSIGNED")).body("assignedChannelId", nullValue())
                .body("sourceChannelId", equalTo(big));
        // the inactive target is skipped, no other rule matches NORTH
        Map<String, Object> north = new HashMap<>(lead("13800000006", "NORTH", null, null));
        north.put("sourceChannelId", east);
        Api.as(sales).get("/api/v1/leads/" + create(sales, north)).then().body("status", equalTo("UNASSIGNED"));
        Api.as(sales).get("/api/v1/leads?status=UNASSIGNED").then().body("items.size()", equalTo(2));
        assertEquals(4L, count(db, "select count(*) from event_outbox where tenant_id = $1 and type = 'lead.assigned'", tenant));

        // manual reassignment of the unassigned lead
        Api.as(sales).body(Map.of("channelId", east)).post("/api/v1/leads/" + none + "/assign").then().statusCode(200)
                .body("status", equalTo("NEW")).body("assignedChannelId", equalTo(east));
        Api.as(sales).body(Map.of("channelId", applied)).post("/api/v1/leads/" + none + "/assign").then().statusCode(400)
                .body("errors.field", hasItem("channelId"));
    }

    @Test
    void groupTargetsPickTheLeastLoadedActiveMemberUnderConcurrency() throws Exception {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String sales = Tokens.token(tenant, "sales");
        String m1 = channel(admin, "M1", "DIRECT");
        String m2 = channel(admin, "M2", "ONLINE_STORE");
        String m3 = channel(admin, "M3", "MARKETPLACE");
        String inactive = channel(admin, "M4", "AGENT");
        String g = group(db, tenant, "G", m1, m2, m3, inactive);
        rule(manager, 1, Map.of(), Map.of("channelGroupId", g));

        // equal loads: round-robin, each member once
        Set<String> firstThree = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            firstThree.add(assignee(sales, create(sales, lead("1390000000" + i, null, null, null))));
        }
        assertEquals(Set.of(m1, m2, m3), firstThree);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String phone = "1370000" + String.format("%04d", i);
            results.add(pool.submit(() -> Api.as(sales).body(lead(phone, null, null, null)).post("/api/v1/leads").statusCode()));
        }
        for (Future<Integer> f : results) {
            assertEquals(201, f.get());
        }
        pool.shutdown();
        for (String m : List.of(m1, m2, m3)) {
            assertEquals(11L, count(db, "select count(*) from lead where tenant_id = $1 and assigned_channel_id = $2", tenant, UUID.fromString(m)));
        }
        assertEquals(0L, count(db, "select count(*) from lead where tenant_id = $1 and assigned_channel_id = $2", tenant,
                UUID.fromString(inactive)));

        // a member that closes its leads gets the next ones
        List<String> m1Leads = Api.as(sales).get("/api/v1/leads?assignedChannelId=" + m1 + "&limit=2").then().extract().path("items.id");
        for (String id : m1Leads) {
            Api.as(sales).body(Map.of("reason", "duplicate")).post("/api/v1/leads/" + id + "/lose").then().statusCode(200)
                    .body("status", equalTo("LOST"));
        }
        assertEquals(m1, assignee(sales, create(sales, lead("13600000001", null, null, null))));
        assertEquals(m1, assignee(sales, create(sales, lead("13600000002", null, null, null))));
    }

    @Test
    void rejectedLeadsAreReroutedAwayFromTheRejectingChannel() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String sales = Tokens.token(tenant, "sales");
        String m1 = channel(admin, "M1", "DIRECT");
        String m2 = channel(admin, "M2", "ONLINE_STORE");
        rule(manager, 1, Map.of(), Map.of("channelGroupId", group(db, tenant, "G", m1, m2)));
        String id = create(sales, lead("13800000001", null, null, null));
        String first = assignee(sales, id);
        String second = first.equals(m1) ? m2 : m1;

        Api.as(Tokens.partner(tenant, second)).post("/api/v1/leads/" + id + "/reject").then().statusCode(404);
        Api.as(Tokens.partner(tenant, first)).body(Map.of("reason", "too far")).post("/api/v1/leads/" + id + "/reject")
                .then().statusCode(200).body("status", equalTo("NEW")).body("assignedChannelId", equalTo(second));
        // the rejecting partner no longer sees or acts on it
        Api.as(Tokens.partner(tenant, first)).get("/api/v1/leads/" + id).then().statusCode(404);
        Api.as(Tokens.partner(tenant, first)).post("/api/v1/leads/" + id + "/accept").then().statusCode(404);
        Api.as(Tokens.partner(tenant, second)).post("/api/v1/leads/" + id + "/reject").then().statusCode(200)
                .body("status", equalTo("UNASSIGNED")).body("assignedChannelId", nullValue());
        assertEquals(2L, count(db, "select count(*) from lead_rejection where tenant_id = $1 and reason = 'REJECTED'", tenant));
        assertEquals(2L, count(db, "select count(*) from event_outbox where tenant_id = $1 and type = 'lead.assigned'", tenant));
    }

    @Test
    @InvalidRequests("an accept deadline below 1 minute, to see 400")
    void unacceptedLeadsAreReroutedAfterTheTenantsDeadline() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String sales = Tokens.token(tenant, "sales");
        String m1 = channel(admin, "M1", "DIRECT");
        String m2 = channel(admin, "M2", "ONLINE_STORE");
        rule(manager, 1, Map.of(), Map.of("channelGroupId", group(db, tenant, "G", m1, m2)));
        Api.as(manager).get("/api/v1/lead-settings").then().statusCode(200).body("acceptDeadlineMinutes", equalTo(2880))
                .body("dealProtectionDays", equalTo(90));
        Api.as(manager).body(Map.of("acceptDeadlineMinutes", 30)).put("/api/v1/lead-settings").then().statusCode(200)
                .body("acceptDeadlineMinutes", equalTo(30)).body("dealProtectionDays", equalTo(90));
        Api.as(sales).body(Map.of("acceptDeadlineMinutes", 5)).put("/api/v1/lead-settings").then().statusCode(403);
        Api.as(manager).body(Map.of("acceptDeadlineMinutes", 0)).put("/api/v1/lead-settings").then().statusCode(400)
                .body("errors.field", hasItem("acceptDeadlineMinutes"));
        Api.as(manager).body(Map.of("acceptDeadlineMinutes", 1.5)).put("/api/v1/lead-settings").then().statusCode(400)
                .body("errors.field", hasItem("acceptDeadlineMinutes"));
        Api.as(manager).body(Map.of()).put("/api/v1/lead-settings").then().statusCode(400);

        String overdue = create(sales, lead("13800000001", null, null, null));
        String accepted = create(sales, lead("13800000002", null, null, null));
        var view = Api.as(sales).get("/api/v1/leads/" + overdue).then().extract();
        Instant assignedAt = Instant.parse(view.path("assignedAt"));
        Instant deadline = Instant.parse(view.path("acceptDeadline"));
        long minutes = Duration.between(assignedAt, deadline).toMinutes();
        assertTrue(minutes >= 29 && minutes <= 30, "deadline is the tenant's 30 minutes, was " + minutes);
        String firstOwner = view.path("assignedChannelId");
        String acceptedOwner = assignee(sales, accepted);
        Api.as(Tokens.partner(tenant, acceptedOwner)).post("/api/v1/leads/" + accepted + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("acceptedAt", notNullValue());

        assertEquals(0, leadService.rerouteOverdue(Instant.now().plus(Duration.ofMinutes(10))).await().indefinitely());
        leadService.rerouteOverdue(Instant.now().plus(Duration.ofMinutes(31))).await().indefinitely();
        Api.as(sales).get("/api/v1/leads/" + overdue).then().body("status", equalTo("NEW"))
                .body("assignedChannelId", equalTo(firstOwner.equals(m1) ? m2 : m1));
        Api.as(sales).get("/api/v1/leads/" + accepted).then().body("status", equalTo("ACCEPTED"))
                .body("assignedChannelId", equalTo(acceptedOwner));
        assertEquals(1L, count(db, "select count(*) from lead_rejection where tenant_id = $1 and reason = 'DEADLINE'", tenant));
    }

    @Test
    void conversionGoesToTheOrdersChannelAndTheSourceKeepsTheOrigination() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String sales = Tokens.token(tenant, "sales");
        String online = channel(admin, "ONLINE", "ONLINE_STORE");
        String store = channel(admin, "STORE", "DIRECT");
        String other = channel(admin, "OTHER", "MARKETPLACE");
        rule(manager, 1, Map.of("regions", List.of("SH")), Map.of("channelId", store));
        Map<String, Object> body = new HashMap<>(lead("13800000001", "SH", "SOFA", "8000"));
        body.put("sourceChannelId", online);
        String id = create(sales, body);
        String partner = Tokens.partner(tenant, store);
        Api.as(partner).body(Map.of()).post("/api/v1/leads/" + id + "/convert").then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
        Api.as(partner).post("/api/v1/leads/" + id + "/accept").then().statusCode(200);
        Api.as(partner).post("/api/v1/leads/" + id + "/accept").then().statusCode(409);

        // the order is placed in another channel than the one working the lead: the order's channel gets the conversion
        // (sales convert it: a partner converts only with its own channel's orders, see partnerConvertsOnlyWithItsOwnOrderOfTheLeadsCustomer)
        UUID orderId = Ids.newId();
        placed(tenant, orderId, UUID.fromString(other));
        Api.as(sales).body(Map.of("orderId", Ids.newId().toString())).post("/api/v1/leads/" + id + "/convert").then().statusCode(400)
                .body("errors.field", hasItem("orderId"));
        Api.as(sales).body(Map.of("orderId", orderId.toString())).post("/api/v1/leads/" + id + "/convert").then().statusCode(200)
                .body("status", equalTo("CONVERTED")).body("conversionChannelId", equalTo(other))
                .body("sourceChannelId", equalTo(online)).body("assignedChannelId", equalTo(store))
                .body("orderId", equalTo(orderId.toString()));
        Api.as(partner).body(Map.of()).post("/api/v1/leads/" + id + "/lose").then().statusCode(409);

        // without an order, the assigned channel converts
        Map<String, Object> body2 = new HashMap<>(lead("13800000002", "SH", null, null));
        body2.put("sourceChannelId", online);
        String id2 = create(sales, body2);
        Api.as(sales).post("/api/v1/leads/" + id2 + "/accept").then().statusCode(200);
        Api.as(sales).post("/api/v1/leads/" + id2 + "/convert").then().statusCode(200).body("conversionChannelId", equalTo(store));

        Map<UUID, LeadService.ConversionFigures> figures = leadService.conversionFigures(db.pool(), tenant,
                List.of(UUID.fromString(online), UUID.fromString(store), UUID.fromString(other)),
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1))).await().indefinitely();
        assertEquals(new LeadService.ConversionFigures(UUID.fromString(online), 2, 2, 0, 0), figures.get(UUID.fromString(online)));
        assertEquals(new LeadService.ConversionFigures(UUID.fromString(store), 0, 0, 2, 1), figures.get(UUID.fromString(store)));
        assertEquals(new LeadService.ConversionFigures(UUID.fromString(other), 0, 0, 0, 1), figures.get(UUID.fromString(other)));
        assertEquals(1L, count(db, "select count(*) from event_outbox where tenant_id = $1 and type = 'lead.converted' "
                + "and channel_id = $2", tenant, UUID.fromString(other)));
    }

    private void placed(String tenant, UUID orderId, UUID channel) {
        placed(tenant, orderId, channel, null);
    }

    /** The order feature's hooks, as if {@code orderId} had been placed through {@code channel} for {@code customer}. */
    private void placed(String tenant, UUID orderId, UUID channel, UUID customer) {
        Caller caller = Caller.of(tenant, "orders", Set.of(Role.SALES), null);
        db.inTransaction(tx -> {
            io.smallrye.mutiny.Uni<Void> chain = io.smallrye.mutiny.Uni.createFrom().voidItem();
            for (OrderPlacedHook hook : hooks) {
                chain = chain.flatMap(x -> hook.onPlaced(tx, caller, new PlacedOrder(orderId, "SO-1", channel, customer,
                        new BigDecimal("100.00"), "CNY")));
            }
            return chain;
        }).await().indefinitely();
    }

    @Test
    void partnerConvertsOnlyWithItsOwnOrderOfTheLeadsCustomer() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String sales = Tokens.token(tenant, "sales");
        String online = channel(admin, "ONLINE", "ONLINE_STORE");
        String store = channel(admin, "STORE", "DIRECT");
        String other = channel(admin, "OTHER", "MARKETPLACE");
        rule(Tokens.token(tenant, "manager"), 1, Map.of("regions", List.of("SH")), Map.of("channelId", store));
        Map<String, Object> body = new HashMap<>(lead("13800000011", "SH", "SOFA", "8000"));
        body.put("sourceChannelId", online);
        String id = create(sales, body);
        UUID customer = UUID.fromString(Api.as(sales).get("/api/v1/leads/" + id).then().extract().path("customerId"));
        Map<String, Object> body2 = new HashMap<>(lead("13800000012", "SH", null, null));
        body2.put("sourceChannelId", online);
        UUID otherCustomer = UUID.fromString(Api.as(sales).get("/api/v1/leads/" + create(sales, body2)).then().extract().path("customerId"));
        String partner = Tokens.partner(tenant, store);
        Api.as(partner).post("/api/v1/leads/" + id + "/accept").then().statusCode(200);

        UUID otherChannels = Ids.newId();
        placed(tenant, otherChannels, UUID.fromString(other), customer);
        UUID otherCustomers = Ids.newId();
        placed(tenant, otherCustomers, UUID.fromString(store), otherCustomer);
        UUID noCustomer = Ids.newId();
        placed(tenant, noCustomer, UUID.fromString(store), null);
        UUID own = Ids.newId();
        placed(tenant, own, UUID.fromString(store), customer);

        // Another channel's order, like one that does not exist, is not there for the partner.
        for (UUID order : List.of(otherChannels, Ids.newId())) {
            Api.as(partner).body(Map.of("orderId", order.toString())).post("/api/v1/leads/" + id + "/convert").then().statusCode(404)
                    .body("code", equalTo("NOT_FOUND"));
        }
        // Its own channel's order, but of another customer (or of none): a bad orderId.
        for (UUID order : List.of(otherCustomers, noCustomer)) {
            Api.as(partner).body(Map.of("orderId", order.toString())).post("/api/v1/leads/" + id + "/convert").then().statusCode(400)
                    .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("orderId"));
        }
        Api.as(partner).get("/api/v1/leads/" + id).then().body("status", equalTo("ACCEPTED"));
        Api.graphql(partner, "mutation($id: ID!, $o: ID) { convertLead(id: $id, orderId: $o) { status } }",
                Map.of("id", id, "o", otherChannels.toString())).then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.as(partner).body(Map.of("orderId", own.toString())).post("/api/v1/leads/" + id + "/convert").then().statusCode(200)
                .body("status", equalTo("CONVERTED")).body("conversionChannelId", equalTo(store)).body("orderId", equalTo(own.toString()));
    }

    @Test
    @InvalidRequests("a lead without a customer, to see 400")
    void partnersSeeAndActOnTheirOwnLeadsOnly() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String sales = Tokens.token(tenant, "sales");
        String a = channel(admin, "A", "DIRECT");
        String b = channel(admin, "B", "ONLINE_STORE");
        rule(manager, 1, Map.of("regions", List.of("A")), Map.of("channelId", a));
        String forA = create(sales, lead("13800000001", "A", null, null));
        String pa = Tokens.partner(tenant, a);
        String pb = Tokens.partner(tenant, b);

        Api.as(pb).get("/api/v1/leads/" + forA).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as(pb).post("/api/v1/leads/" + forA + "/accept").then().statusCode(404);
        Api.as(pb).get("/api/v1/leads").then().statusCode(200).body("items.size()", equalTo(0));
        Api.as(pa).get("/api/v1/leads").then().body("items.id", equalTo(List.of(forA)));
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/leads/" + forA).then().statusCode(404);

        // a partner's own lead: the source is its channel, whatever it sends
        Map<String, Object> own = new HashMap<>(lead("13800000002", null, null, null));
        String byB = create(pb, own);
        Api.as(pb).get("/api/v1/leads/" + byB).then().statusCode(200).body("sourceChannelId", equalTo(b));
        own.put("sourceChannelId", a);
        Api.as(pb).body(own).post("/api/v1/leads").then().statusCode(403);
        Api.as(pb).body(Map.of("channelId", b)).post("/api/v1/leads/" + byB + "/assign").then().statusCode(403);

        // roles
        Api.as(null).get("/api/v1/leads").then().statusCode(401);
        Api.as(sales).body(Map.of("priority", 1, "target", Map.of("channelId", a))).post("/api/v1/lead-routing-rules").then().statusCode(403);
        Api.as(pb).get("/api/v1/lead-routing-rules").then().statusCode(403);
        Api.as(Tokens.token(tenant, "integration")).body(lead("13800000003", "A", null, null)).post("/api/v1/leads").then().statusCode(201);
        Api.as(manager).body(lead("13800000005", "A", null, null)).post("/api/v1/leads").then().statusCode(403);
        Api.as(Tokens.token(tenant, "integration")).post("/api/v1/leads/" + forA + "/accept").then().statusCode(403);

        // validation
        Api.as(sales).body(Map.of("region", "A")).post("/api/v1/leads").then().statusCode(400).body("errors.field", hasItem("customer"));
        Api.as(sales).body(Map.of("customer", Map.of("identities", List.of(Map.of("kind", "FAX", "value", "1")))))
                .post("/api/v1/leads").then().statusCode(400).body("errors.field", hasItem("customer.identities[0].kind"));
        Api.as(sales).body(Map.of("customer", Map.of("identities", List.of()))).post("/api/v1/leads").then().statusCode(400);
        Map<String, Object> negative = new HashMap<>(lead("13800000004", null, null, "-1"));
        Api.as(sales).body(negative).post("/api/v1/leads").then().statusCode(400).body("errors.field", hasItem("estimatedValue"));
        Map<String, Object> badSource = new HashMap<>(lead("13800000004", null, null, null));
        badSource.put("sourceChannelId", Ids.newId().toString());
        Api.as(sales).body(badSource).post("/api/v1/leads").then().statusCode(400).body("errors.field", hasItem("sourceChannelId"));
        Api.as(manager).body(Map.of("priority", 1, "target", Map.of("channelId", a, "channelGroupId", a)))
                .post("/api/v1/lead-routing-rules").then().statusCode(400).body("errors.field", hasItem("target"));
        Api.as(manager).body(Map.of("priority", 1, "target", Map.of("channelId", Ids.newId().toString())))
                .post("/api/v1/lead-routing-rules").then().statusCode(400).body("errors.field", hasItem("target.channelId"));
        Api.as(manager).body(Map.of("target", Map.of("channelId", a))).post("/api/v1/lead-routing-rules").then().statusCode(400)
                .body("errors.field", hasItem("priority"));
        Api.as(sales).get("/api/v1/leads?status=OPEN").then().statusCode(400);
        assertEquals(3L, count(db, "select count(*) from lead where tenant_id = $1", tenant));
    }

    @Inject
    LeadCustomerLinks links;

    @Test
    void leadsAndDealsFollowCustomerMergesAndUnmergeRestoresThem() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String sales = Tokens.token(tenant, "sales");
        String a = channel(admin, "A", "DIRECT");
        String p = channel(admin, "P", "DISTRIBUTOR");
        rule(manager, 1, Map.of(), Map.of("channelId", a));
        String leadId = create(sales, lead("13800000001", null, null, null));
        String older = Api.as(sales).get("/api/v1/leads/" + leadId).then().extract().path("customerId");
        Map<String, Object> byEmail = new HashMap<>(Map.of("identities", List.of(Map.of("kind", "EMAIL", "value", "li@example.com"))));
        String newer = Api.as(Tokens.partner(tenant, p)).body(Map.of("customer", byEmail, "expectedValue", "1", "closeDate", "2027-01-01"))
                .post("/api/v1/deals").then().statusCode(201).extract().path("customerId");
        // one identify naming both identities merges the newer customer into the older
        Api.as(sales).body(Map.of("channelId", a, "identities", List.of(Map.of("kind", "PHONE", "value", "13800000001"),
                        Map.of("kind", "EMAIL", "value", "li@example.com"))))
                .post("/api/v1/customers/identify").then().statusCode(200).body("customer.id", equalTo(older))
                .body("mergedFrom", equalTo(List.of(newer)));
        assertEquals(1L, count(db, "select count(*) from deal where tenant_id = $1 and customer_id = $2 and original_customer_id = $3",
                tenant, UUID.fromString(older), UUID.fromString(newer)));
        Map<UUID, List<dev.channelhub.customer.CustomerOpenLeads.OpenLead>> open = openLeads.openLeads(db.pool(), tenant,
                List.of(UUID.fromString(older), UUID.fromString(newer))).await().indefinitely();
        assertEquals(List.of(leadId), open.get(UUID.fromString(older)).stream().map(dev.channelhub.customer.CustomerOpenLeads.OpenLead::id).toList());
        assertEquals(null, open.get(UUID.fromString(newer)));

        db.inTransaction(tx -> links.unmerge(tx, tenant, UUID.fromString(newer), UUID.fromString(older))).await().indefinitely();
        assertEquals(1L, count(db, "select count(*) from deal where tenant_id = $1 and customer_id = $2", tenant, UUID.fromString(newer)));
        Api.as(sales).get("/api/v1/leads/" + leadId).then().body("customerId", equalTo(older));
    }

    @Inject
    dev.channelhub.customer.CustomerOpenLeads openLeads;

    @Test
    void routingRulesCrudAndGraphql() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String a = channel(admin, "A", "DIRECT");
        String b = channel(admin, "B", "ONLINE_STORE");
        String id = rule(manager, 5, Map.of("categories", List.of("X")), Map.of("channelId", a));
        Api.as(manager).get("/api/v1/lead-routing-rules/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("match.categories", equalTo(List.of("X"))).body("target.channelId", equalTo(a));
        Api.as(manager).header("If-Match", "\"9\"").body(Map.of("priority", 6, "match", Map.of("categories", List.of("X")),
                "target", Map.of("channelId", b))).put("/api/v1/lead-routing-rules/" + id).then().statusCode(412);
        Api.as(manager).header("If-Match", "\"1\"").body(Map.of("priority", 6, "match", Map.of("categories", List.of("X")),
                "target", Map.of("channelId", b))).put("/api/v1/lead-routing-rules/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("target.channelId", equalTo(b));

        String pb = Tokens.partner(tenant, b);
        String leadId = Api.graphql(Tokens.token(tenant, "sales"), "mutation($in: CreateLeadInput!) { createLead(input: $in) { id status assignedChannelId } }",
                        Map.of("in", Map.of("customer", customer("13800000009"), "category", "X", "estimatedValue", "12.5")))
                .then().body("errors", nullValue()).body("data.createLead.assignedChannelId", equalTo(b))
                .extract().path("data.createLead.id");
        Api.graphql(Tokens.partner(tenant, a), "mutation($id: ID!) { acceptLead(id: $id) { status } }", Map.of("id", leadId))
                .then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(pb, "mutation($id: ID!) { acceptLead(id: $id) { status } }", Map.of("id", leadId))
                .then().body("errors", nullValue()).body("data.acceptLead.status", equalTo("ACCEPTED"));
        Api.graphql(pb, "mutation($id: ID!) { convertLead(id: $id) { status conversionChannelId } }", Map.of("id", leadId))
                .then().body("errors", nullValue()).body("data.convertLead.conversionChannelId", equalTo(b));
        Api.graphql(pb, "{ leads(first: 5) { edges { node { id status estimatedValue } } } }")
                .then().body("errors", nullValue()).body("data.leads.edges[0].node.status", equalTo("CONVERTED"));
        Api.graphql(pb, "mutation($id: ID!) { rejectLead(id: $id) { status } }", Map.of("id", leadId))
                .then().body("errors[0].extensions.code", equalTo("INVALID_TRANSITION"));

        Api.as(manager).delete("/api/v1/lead-routing-rules/" + id).then().statusCode(204);
        Api.as(manager).delete("/api/v1/lead-routing-rules/" + id).then().statusCode(404);
        Api.as(manager).get("/api/v1/lead-routing-rules").then().body("items.size()", equalTo(0));
        // Without the rule a lead of category X is no longer routed.
        Api.as(Tokens.token(tenant, "sales")).body(Map.of("sourceChannelId", a, "customer", customer("13800000010"), "category", "X"))
                .post("/api/v1/leads").then().statusCode(201).body("status", equalTo("UNASSIGNED"))
                .body("assignedChannelId", nullValue());
    }
}
