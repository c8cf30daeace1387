package dev.channelhub.aftersales;

import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Api;
import dev.channelhub.support.SqlCounter;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ServiceCaseApiTest {

    @Inject
    ServiceCaseService cases;

    private static Response open(String token, Map<String, Object> body) {
        return Api.as(token).body(body).post("/api/v1/service-cases");
    }

    private static Map<String, Object> caseOf(String key, String value, String priority) {
        Map<String, Object> b = new HashMap<>(Map.of("category", "REPAIR", "subject", "Broken", "description", "It does not start"));
        if (key != null) {
            b.put(key, value);
        }
        if (priority != null) {
            b.put("priority", priority);
        }
        return b;
    }

    @Test
    void casesGoToTheServingChannelWithTheirSla() {
        AfterSalesFixture f = new AfterSalesFixture();
        String dealer = f.activePartner("DL");
        String order = f.order(dealer, 1, 1, null, false);
        Instant before = Instant.now();
        Response r = open(f.sales, caseOf("orderId", order, "URGENT"));
        r.then().statusCode(201).body("status", equalTo("OPEN")).body("assignedChannelId", equalTo(dealer))
                .body("number", matchesPattern("SC-\\d{8}-\\d{6}")).body("overdue", equalTo(false)).body("priority", equalTo("URGENT"));
        Instant due = Instant.parse(r.path("dueAt"));
        assertTrue(!due.isBefore(before.plus(Duration.ofHours(4)).minusSeconds(1)) && due.isBefore(Instant.now().plus(Duration.ofHours(4))),
                "URGENT: 4 hours by default, was " + due);
        // The customer's owner channel, then channelId; none → 400.
        String customer = Api.as(Tokens.partner(f.tenant, dealer)).body(Map.of("channelId", dealer, "identities",
                        List.of(Map.of("kind", "EMAIL", "value", "sc@x.test")))).post("/api/v1/customers/identify").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .extract().path("customer.id");
        open(f.sales, caseOf("customerId", customer, null)).then().statusCode(201).body("assignedChannelId", equalTo(dealer))
                .body("priority", equalTo("NORMAL"));
        open(f.sales, caseOf("channelId", f.online, "LOW")).then().statusCode(201).body("assignedChannelId", equalTo(f.online));
        open(f.sales, caseOf(null, null, null)).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        // SLA hours are tenant settings.
        Api.as(f.manager).body(Map.of("slaHoursHigh", 2)).patch("/api/v1/settings").then().statusCode(200).body("slaHoursHigh", equalTo(2))
                .body("slaHoursUrgent", equalTo(4)).body("slaHoursNormal", equalTo(72)).body("slaHoursLow", equalTo(168));
        Instant due2 = Instant.parse(open(f.sales, caseOf("channelId", f.online, "HIGH")).then().statusCode(201).extract().path("dueAt"));
        assertTrue(due2.isBefore(Instant.now().plus(Duration.ofHours(2)).plusSeconds(1)), "HIGH: 2 hours now, was " + due2);
    }

    @Test
    @InvalidRequests("a score of 6, to see 400")
    void lifecycleCommentsReassignmentAndOneSatisfactionScore() {
        AfterSalesFixture f = new AfterSalesFixture();
        String other = f.activePartner("OT");
        String id = open(f.sales, caseOf("channelId", f.online, null)).then().statusCode(201).extract().path("id");
        Api.as(f.sales).body(Map.of("score", 5)).post("/api/v1/service-cases/" + id + "/satisfaction").then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
        Api.as(f.sales).body(Map.of("to", "RESOLVED")).post("/api/v1/service-cases/" + id + "/transition").then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
        Api.as(f.sales).body(Map.of("to", "IN_PROGRESS")).post("/api/v1/service-cases/" + id + "/transition").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("version", equalTo(2));
        Api.as(f.sales).body(Map.of("body", "Technician booked")).post("/api/v1/service-cases/" + id + "/comments").then().statusCode(201)
                .body("body", equalTo("Technician booked")).body("author", not(nullValue()));
        Api.as(f.sales).body(Map.of("to", "RESOLVED", "note", "fixed")).post("/api/v1/service-cases/" + id + "/transition").then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolvedAt", not(nullValue()));
        Api.as(f.sales).body(Map.of("score", 6)).post("/api/v1/service-cases/" + id + "/satisfaction").then().statusCode(400);
        Api.as(f.sales).body(Map.of("score", 4, "comment", "quick")).post("/api/v1/service-cases/" + id + "/satisfaction").then().statusCode(200)
                .body("satisfactionScore", equalTo(4));
        Api.as(f.sales).body(Map.of("score", 5)).post("/api/v1/service-cases/" + id + "/satisfaction").then().statusCode(409)
                .body("code", equalTo("DUPLICATE"));
        Api.as(f.sales).body(Map.of("channelId", other)).post("/api/v1/service-cases/" + id + "/reassign").then().statusCode(403);
        Api.as(f.manager).body(Map.of("channelId", other)).post("/api/v1/service-cases/" + id + "/reassign").then().statusCode(200)
                .body("assignedChannelId", equalTo(other));
        Api.as(f.sales).body(Map.of("to", "CLOSED")).post("/api/v1/service-cases/" + id + "/transition").then().statusCode(200);
        Api.as(f.sales).body(Map.of("to", "IN_PROGRESS")).post("/api/v1/service-cases/" + id + "/transition").then().statusCode(409);
        Api.as(f.sales).get("/api/v1/service-cases/" + id + "/timeline").then().statusCode(200)
                .body("items.type", equalTo(List.of("OPENED", "STATUS_IN_PROGRESS", "COMMENTED", "STATUS_RESOLVED", "SATISFACTION",
                        "REASSIGNED", "STATUS_CLOSED")));
        Api.as(f.sales).get("/api/v1/service-cases/" + id + "/comments").then().statusCode(200).body("items[0].body", equalTo("Technician booked"));
        // Scorecard of the serving channel: resolved by dueAt, satisfaction 4.
        String day = java.time.LocalDate.now().toString();
        String from = java.time.LocalDate.now().minusDays(1).toString();
        String to = java.time.LocalDate.now().plusDays(1).toString();
        Api.as(f.manager).get("/api/v1/analytics/channels/" + other + "/scorecard?from=" + from + "&to=" + to).then().statusCode(200)
                .body("serviceSlaRate", equalTo("1.0000")).body("csat", equalTo("4.00")).body("returnRate", nullValue());
        Api.as(f.manager).get("/api/v1/analytics/channels/" + f.online + "/scorecard?from=" + day + "&to=" + day).then().statusCode(200)
                .body("serviceSlaRate", nullValue()).body("csat", nullValue());
    }

    @Test
    void partnersSeeAndWorkOnlyCasesAssignedToTheirChannel() {
        AfterSalesFixture f = new AfterSalesFixture();
        String chA = f.activePartner("CA");
        String chB = f.activePartner("CB");
        String partnerA = Tokens.partner(f.tenant, chA);
        String partnerB = Tokens.partner(f.tenant, chB);
        String orderA = f.order(chA, 1, 1, null, false);
        String id = open(partnerA, caseOf("orderId", orderA, null)).then().statusCode(201).extract().path("id");
        open(partnerB, caseOf("orderId", orderA, null)).then().statusCode(400).body("errors[0].field", equalTo("orderId"));
        open(partnerB, caseOf("channelId", chA, null)).then().statusCode(400);
        Api.as(partnerB).get("/api/v1/service-cases/" + id).then().statusCode(404);
        Api.as(partnerB).body(Map.of("to", "IN_PROGRESS")).post("/api/v1/service-cases/" + id + "/transition").then().statusCode(404);
        Api.as(partnerB).body(Map.of("body", "x")).post("/api/v1/service-cases/" + id + "/comments").then().statusCode(404);
        Api.as(partnerB).get("/api/v1/service-cases").then().statusCode(200).body("items.size()", equalTo(0));
        Api.as(partnerA).get("/api/v1/service-cases").then().statusCode(200).body("items.size()", equalTo(1));
        Api.as(partnerA).body(Map.of("to", "IN_PROGRESS")).post("/api/v1/service-cases/" + id + "/transition").then().statusCode(200);
        Api.as(partnerA).body(Map.of("channelId", chA)).post("/api/v1/service-cases/" + id + "/reassign").then().statusCode(403);
        // Reassigned away: partner A no longer sees it, partner B now does.
        Api.as(f.manager).body(Map.of("channelId", chB)).post("/api/v1/service-cases/" + id + "/reassign").then().statusCode(200);
        Api.as(partnerA).get("/api/v1/service-cases/" + id).then().statusCode(404);
        Api.as(partnerB).get("/api/v1/service-cases/" + id).then().statusCode(200);
        Api.as(null).get("/api/v1/service-cases").then().statusCode(401);
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/service-cases/" + id).then().statusCode(404);
        Api.graphql(partnerA, "query($id: ID!) { serviceCase(id: $id) { id } }", Map.of("id", id))
                .then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void theCustomer360ListsTheCustomersCasesInBothFaces() {
        AfterSalesFixture f = new AfterSalesFixture();
        String dealer = f.activePartner("CU");
        String partner = Tokens.partner(f.tenant, dealer);
        String customer = Api.as(partner).body(Map.of("channelId", dealer, "identities", List.of(Map.of("kind", "EMAIL", "value", "c360@x.test"))))
                .post("/api/v1/customers/identify").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("customer.id");
        String mine = open(f.sales, caseOf("customerId", customer, null)).then().statusCode(201).extract().path("id");
        Map<String, Object> elsewhere = caseOf("customerId", customer, null);
        String other = open(f.sales, elsewhere).then().statusCode(201).extract().path("id");
        Api.as(f.manager).body(Map.of("channelId", f.online)).post("/api/v1/service-cases/" + other + "/reassign").then().statusCode(200);
        Api.as(f.sales).get("/api/v1/customers/" + customer + "/360").then().statusCode(200).body("serviceCases.size()", equalTo(2));
        Api.as(partner).get("/api/v1/customers/" + customer + "/360").then().statusCode(200).body("serviceCases.size()", equalTo(1))
                .body("serviceCases[0].id", equalTo(mine));
        Api.graphql(f.sales, "query($id: ID!) { customer(id: $id) { serviceCases { id assignedChannel { id } customer { id } } } }",
                        Map.of("id", customer))
                .then().body("errors", nullValue()).body("data.customer.serviceCases.size()", equalTo(2))
                .body("data.customer.serviceCases.assignedChannel.id", hasItem(dealer))
                .body("data.customer.serviceCases[0].customer.id", equalTo(customer));
        Api.graphql(partner, "query($id: ID!) { customer(id: $id) { serviceCases { id } } }", Map.of("id", customer))
                .then().body("errors", nullValue()).body("data.customer.serviceCases.size()", equalTo(1));
    }

    @Test
    void theOverdueSweepAnnouncesEachCaseOnce() {
        AfterSalesFixture f = new AfterSalesFixture();
        String id = open(f.sales, caseOf("channelId", f.online, "URGENT")).then().statusCode(201).extract().path("id");
        String done = open(f.sales, caseOf("channelId", f.online, "URGENT")).then().statusCode(201).extract().path("id");
        Api.as(f.sales).body(Map.of("to", "CANCELLED")).post("/api/v1/service-cases/" + done + "/transition").then().statusCode(200);
        Instant later = Instant.now().plus(Duration.ofHours(5));
        int first = cases.announceOverdue(later).await().atMost(Duration.ofSeconds(30));
        assertTrue(first >= 1, "the open URGENT case is announced");
        int again = cases.announceOverdue(later.plusSeconds(60)).await().atMost(Duration.ofSeconds(30));
        Api.as(f.sales).get("/api/v1/service-cases/" + id + "/timeline").then().statusCode(200)
                .body("items.findAll { it.type == 'OVERDUE' }.size()", equalTo(1));
        Api.as(f.sales).get("/api/v1/service-cases/" + done + "/timeline").then().statusCode(200)
                .body("items.findAll { it.type == 'OVERDUE' }.size()", equalTo(0));
        assertEquals(0, again, "a case is announced once, whatever the sweep's clock");
    }

    @Test
    void graphqlFacesAndConstantStatementsForAPage() {
        AfterSalesFixture f = new AfterSalesFixture();
        String order = f.order(f.online, 1, 1, null, false);
        for (int i = 0; i < 30; i++) {
            open(f.sales, caseOf(i % 2 == 0 ? "orderId" : "channelId", i % 2 == 0 ? order : f.online, null)).then().statusCode(201);
        }
        String id = Api.graphql(f.sales, "mutation($in: OpenServiceCaseInput!) { openServiceCase(input: $in) { id status } }",
                        Map.of("in", Map.of("channelId", f.online, "category", "INQUIRY", "subject", "s", "description", "d")))
                .then().body("errors", nullValue()).body("data.openServiceCase.status", equalTo("OPEN")).extract().path("data.openServiceCase.id");
        Api.graphql(f.sales, "mutation($id: ID!) { transitionServiceCase(id: $id, input: {to: IN_PROGRESS}) { status } }", Map.of("id", id))
                .then().body("errors", nullValue()).body("data.transitionServiceCase.status", equalTo("IN_PROGRESS"));
        Api.graphql(f.sales, "mutation($id: ID!) { commentServiceCase(id: $id, input: {body: \"hi\"}) { body } }", Map.of("id", id))
                .then().body("errors", nullValue());
        Api.graphql(f.sales, "mutation($id: ID!) { rateServiceCase(id: $id, input: {score: 3}) { id } }", Map.of("id", id))
                .then().body("errors[0].extensions.code", equalTo("INVALID_TRANSITION"));
        String q = "query($n: Int) { serviceCases(first: $n) { edges { node { number overdue order { number } assignedChannel { code } comments { body } } } } }";
        long before = SqlCounter.current();
        Api.graphql(f.sales, q, Map.of("n", 5)).then().body("errors", nullValue()).body("data.serviceCases.edges.size()", equalTo(5));
        long small = SqlCounter.current() - before;
        before = SqlCounter.current();
        Api.graphql(f.sales, q, Map.of("n", 31)).then().body("errors", nullValue()).body("data.serviceCases.edges.size()", equalTo(31));
        long page = SqlCounter.current() - before;
        assertEquals(small, page, "statements must not grow with the page size");
    }
}
