package dev.channelhub.training;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Courses, completions, certifications, the certification gate of order placement and the expiry reminders (API-CONTRACT-2 §9). */
@QuarkusTest
class CertificationTest {

    @Inject
    CourseService courses;

    @Inject
    Db db;

    /** A tenant with a direct channel, two active partner channels, a warehouse, SKU PLAIN and SKU PRO (requires course PRO-101). */
    static final class Fixture {
        final String tenant = Tokens.newTenant();
        final String admin = Tokens.token(tenant, "admin");
        final String manager = Tokens.token(tenant, "manager");
        final String sales = Tokens.token(tenant, "sales");
        final String direct;
        final String partnerA;
        final String partnerB;
        final String tokenA;
        final String tokenB;

        Fixture() {
            direct = channel("DIRECT", "DIRECT");
            partnerA = channel("PA", "DISTRIBUTOR");
            partnerB = channel("PB", "DISTRIBUTOR");
            tokenA = Tokens.partner(tenant, partnerA);
            tokenB = Tokens.partner(tenant, partnerB);
            Api.as(admin).body(Map.of("code", "WH", "name", "Warehouse", "type", "WAREHOUSE")).post("/api/v1/locations").then().statusCode(201);
            Api.as(admin).body(Map.of("sku", "PLAIN", "name", "Plain")).post("/api/v1/products").then().statusCode(201);
            Api.as(admin).body(Map.of("sku", "PRO", "name", "Pro", "requiresCertification", "PRO-101")).post("/api/v1/products")
                    .then().statusCode(201).body("requiresCertification", equalTo("PRO-101"));
            for (String sku : List.of("PLAIN", "PRO")) {
                Api.as(admin).body(Map.of("onHand", 1000)).put("/api/v1/stock/WH/" + sku).then().statusCode(200);
            }
            Api.as(admin).body(Map.of("code", "BASE", "name", "Base", "currency", "CNY", "entries",
                    List.of(Map.of("sku", "PLAIN", "price", "10.00"), Map.of("sku", "PRO", "price", "20.00")))).post("/api/v1/price-lists")
                    .then().statusCode(201);
        }

        String channel(String code, String type) {
            String id = Api.as(admin).body(Map.of("code", code, "name", code, "type", type)).post("/api/v1/channels").then().statusCode(201)
                    .extract().path("id");
            if (!"DIRECT".equals(type)) {
                Api.as(admin).body(Map.of("to", "ACTIVE")).post("/api/v1/channels/" + id + "/transition").then().statusCode(200);
            }
            return id;
        }

        String course(String code, int passing, Integer validDays) {
            Map<String, Object> body = new HashMap<>(Map.of("code", code, "title", "Course " + code, "passingScore", passing,
                    "materials", List.of(Map.of("name", "Handbook", "url", "https://example.test/h.pdf"))));
            if (validDays != null) {
                body.put("certificationValidDays", validDays);
            }
            return Api.as(manager).body(body).post("/api/v1/courses").then().statusCode(201).extract().path("id");
        }

        Response complete(String token, String courseId, String channelId, String learner, int score) {
            return Api.as(token).body(Map.of("channelId", channelId, "learner", learner, "score", score))
                    .post("/api/v1/courses/" + courseId + "/completions");
        }

        Response order(String token, String channelId, String sku) {
            return Api.as(token).body(Map.of("channelId", channelId, "lines", List.of(Map.of("sku", sku, "quantity", 1))))
                    .post("/api/v1/orders");
        }

        int reserved(String sku) {
            return Api.as(admin).get("/api/v1/stock/WH/" + sku).then().statusCode(200).extract().path("reserved");
        }
    }

    @Test
    @InvalidRequests("a passing score of 101 and a bad material URL, to see 400")
    void managersCreateCoursesEveryRoleReadsThem() {
        Fixture f = new Fixture();
        String id = f.course("PRO-101", 80, 365);
        Api.as(f.tokenA).get("/api/v1/courses/" + id).then().statusCode(200).body("code", equalTo("PRO-101"))
                .body("passingScore", equalTo(80)).body("certificationValidDays", equalTo(365))
                .body("materials[0].url", equalTo("https://example.test/h.pdf")).body("version", equalTo(1));
        Api.as(f.sales).get("/api/v1/courses").then().statusCode(200).body("items.code", hasItem("PRO-101"));
        Map<String, Object> body = Map.of("code", "X-1", "title", "t", "passingScore", 50);
        Api.as(f.sales).body(body).post("/api/v1/courses").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        Api.as(f.tokenA).body(body).post("/api/v1/courses").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        Api.as(f.manager).body(Map.of("code", "PRO-101", "title", "t", "passingScore", 50)).post("/api/v1/courses").then().statusCode(409)
                .body("code", equalTo("DUPLICATE"));
        Api.as(f.manager).body(Map.of("code", "X-2", "title", "t", "passingScore", 101)).post("/api/v1/courses").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("passingScore"));
        Api.as(f.manager).body(Map.of("code", "X-3", "title", "t", "passingScore", 1, "materials", List.of(Map.of("name", "n", "url", "ftp:x"))))
                .post("/api/v1/courses").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        // Another tenant does not see it.
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/courses/" + id).then().statusCode(404);
        // GraphQL: the same service.
        Api.graphql(f.tokenA, "query($id: ID!) { course(id: $id) { code passingScore materials { name url } } }", Map.of("id", id))
                .then().statusCode(200).body("data.course.code", equalTo("PRO-101")).body("data.course.materials[0].name", equalTo("Handbook"));
        Api.graphql(f.sales, "mutation { createCourse(input: {code: \"G-1\", title: \"t\", passingScore: 1}) { id } }")
                .then().statusCode(200).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void passingCompletionsCertifyTheChannelUntilTheyExpire() {
        Fixture f = new Fixture();
        String pro = f.course("PRO-101", 80, 365);
        String forever = f.course("BASIC", 60, null);
        // Below the passing score: recorded, no certification.
        f.complete(f.tokenA, pro, f.partnerA, "li.lei", 79).then().statusCode(201).body("passed", equalTo(false))
                .body("certification", nullValue());
        Response passed = f.complete(f.tokenA, pro, f.partnerA, "li.lei", 80);
        passed.then().statusCode(201).body("passed", equalTo(true)).body("certification.courseCode", equalTo("PRO-101"))
                .body("certification.channelId", equalTo(f.partnerA)).body("certification.learner", equalTo("li.lei"))
                .body("certification.valid", equalTo(true));
        Instant certified = Instant.parse(passed.path("certification.certifiedAt"));
        assertEquals(certified.plus(Duration.ofDays(365)), Instant.parse(passed.path("certification.expiresAt")));
        // No validity: no expiry. Managers record for any channel.
        f.complete(f.manager, forever, f.partnerB, "han.mei", 60).then().statusCode(201).body("certification.expiresAt", nullValue());
        Api.as(f.tokenA).get("/api/v1/channels/" + f.partnerA + "/certifications?valid=true").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].courseCode", equalTo("PRO-101"));
        Api.as(f.manager).get("/api/v1/channels/" + f.partnerB + "/certifications").then().statusCode(200)
                .body("items[0].courseCode", equalTo("BASIC")).body("items[0].valid", equalTo(true));
        Api.graphql(f.tokenA, "query($c: ID!) { channelCertifications(channelId: $c, valid: true) { edges { node { courseCode learner } } } }",
                Map.of("c", f.partnerA)).then().statusCode(200)
                .body("data.channelCertifications.edges[0].node.learner", equalTo("li.lei"));
    }

    @Test
    void partnersWorkOnlyForTheirOwnChannel() {
        Fixture f = new Fixture();
        String pro = f.course("PRO-101", 80, 365);
        String other = Tokens.token(Tokens.newTenant(), "admin");
        // Completions: a partner for another channel reads as an unknown channel; sales may not record; other tenant: no course.
        f.complete(f.tokenB, pro, f.partnerA, "x", 90).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("channelId"));
        f.complete(f.sales, pro, f.partnerA, "x", 90).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        f.complete(other, pro, f.partnerA, "x", 90).then().statusCode(404);
        f.complete(f.manager, "00000000-0000-7000-8000-000000000000", f.partnerA, "x", 90).then().statusCode(404);
        // Certifications of another channel: 404 for a partner and for another tenant.
        Api.as(f.tokenB).get("/api/v1/channels/" + f.partnerA + "/certifications").then().statusCode(404);
        Api.as(other).get("/api/v1/channels/" + f.partnerA + "/certifications").then().statusCode(404);
        Api.graphql(f.tokenB, "query($c: ID!) { channelCertifications(channelId: $c) { edges { node { id } } } }", Map.of("c", f.partnerA))
                .then().statusCode(200).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(f.tokenB, "mutation($id: ID!, $c: ID!) { completeCourse(courseId: $id, input: {channelId: $c, learner: \"x\", score: 99}) { id } }",
                Map.of("id", pro, "c", f.partnerA)).then().statusCode(200).body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"));
        Api.as(f.tokenA).get("/api/v1/channels/" + f.partnerA + "/certifications").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aPartnerChannelOrdersACertifiedSkuOnlyWhileItsCertificationIsValid() {
        Fixture f = new Fixture();
        String pro = f.course("PRO-101", 80, 365);
        // Not certified: 422, nothing reserved; SKUs without a requirement and owned channels are not gated.
        f.order(f.tokenA, f.partnerA, "PRO").then().statusCode(422).body("code", equalTo("CERTIFICATION_REQUIRED"))
                .body("errors[0].field", equalTo("lines"));
        assertEquals(0, f.reserved("PRO"));
        f.order(f.tokenA, f.partnerA, "PLAIN").then().statusCode(201);
        f.order(f.sales, f.direct, "PRO").then().statusCode(201);
        f.order(f.sales, f.partnerA, "PRO").then().statusCode(422).body("code", equalTo("CERTIFICATION_REQUIRED"));
        Api.graphql(f.tokenA, "mutation($c: String!) { placeOrder(input: {channelId: $c, lines: [{sku: \"PRO\", quantity: 1}]}) { id } }",
                Map.of("c", f.partnerA)).then().statusCode(200).body("errors[0].extensions.code", equalTo("CERTIFICATION_REQUIRED"));
        // Certified (a failed attempt does not count), then the order goes through.
        f.complete(f.tokenA, pro, f.partnerA, "li.lei", 10).then().statusCode(201);
        f.order(f.tokenA, f.partnerA, "PRO").then().statusCode(422);
        String cert = f.complete(f.tokenA, pro, f.partnerA, "li.lei", 95).then().statusCode(201).extract().path("certification.id");
        f.order(f.tokenA, f.partnerA, "PRO").then().statusCode(201);
        // The certification expires between two orders: the next one is refused.
        db.query("update certification set expires_at = now() - interval '1 second' where tenant_id = $1 and id = $2",
                Tuple.of(f.tenant, java.util.UUID.fromString(cert))).await().atMost(Duration.ofSeconds(10));
        f.order(f.tokenA, f.partnerA, "PRO").then().statusCode(422).body("code", equalTo("CERTIFICATION_REQUIRED"));
        Api.as(f.tokenA).get("/api/v1/channels/" + f.partnerA + "/certifications?valid=true").then().statusCode(200).body("items", hasSize(0));
        Api.as(f.tokenA).get("/api/v1/channels/" + f.partnerA + "/certifications").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].valid", equalTo(false));
        // Another learner of the channel renews it.
        f.complete(f.tokenA, pro, f.partnerA, "han.mei", 100).then().statusCode(201);
        f.order(f.tokenA, f.partnerA, "PRO").then().statusCode(201);
    }

    @Test
    void concurrentPlacementsAreGatedAlike() throws Exception {
        Fixture f = new Fixture();
        String pro = f.course("PRO-101", 80, 365);
        f.complete(f.tokenA, pro, f.partnerA, "li.lei", 90).then().statusCode(201);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String token = i % 2 == 0 ? f.tokenA : f.tokenB;
                String channel = i % 2 == 0 ? f.partnerA : f.partnerB;
                work.add(() -> f.order(token, channel, "PRO").statusCode());
            }
            List<Integer> certified = new ArrayList<>();
            List<Integer> uncertified = new ArrayList<>();
            List<Future<Integer>> results = pool.invokeAll(work);
            for (int i = 0; i < results.size(); i++) {
                (i % 2 == 0 ? certified : uncertified).add(results.get(i).get());
            }
            assertEquals(List.of(201, 201, 201, 201), certified);
            assertEquals(List.of(422, 422, 422, 422), uncertified);
            assertEquals(4, f.reserved("PRO"), "only the certified channel's orders reserved stock");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theExpiryReminderGoesOutOnceThirtyDaysAhead() {
        Fixture f = new Fixture();
        String shortCourse = f.course("SHORT", 50, 20);
        String longCourse = f.course("LONG", 50, 365);
        f.course("NEVER", 50, null);
        String due = f.complete(f.tokenA, shortCourse, f.partnerA, "li.lei", 70).then().statusCode(201).extract().path("certification.id");
        String later = f.complete(f.tokenA, longCourse, f.partnerA, "li.lei", 70).then().statusCode(201).extract().path("certification.id");
        Instant now = Instant.now();
        courses.announceExpiring(now).await().atMost(Duration.ofSeconds(10));
        assertEquals(List.of(due), reminders(f.tenant));
        courses.announceExpiring(now.plusSeconds(60)).await().atMost(Duration.ofSeconds(10));
        assertEquals(List.of(due), reminders(f.tenant), "once per certification");
        // 30 days before the long one expires, it is its turn (the short one has expired by then: nothing more for it).
        courses.announceExpiring(now.plus(Duration.ofDays(336))).await().atMost(Duration.ofSeconds(10));
        assertEquals(List.of(due, later), reminders(f.tenant));
    }

    @Test
    void aRenewedCertificationIsNotRemindedOf() {
        Fixture f = new Fixture();
        String course = f.course("SHORT", 50, 20);
        f.complete(f.tokenA, course, f.partnerA, "li.lei", 70).then().statusCode(201);
        // A second pass before the reminder: the first certification is superseded, the second one is reminded of later.
        String renewed = f.complete(f.tokenA, course, f.partnerA, "li.lei", 90).then().statusCode(201).extract().path("certification.id");
        db.query("update certification set expires_at = expires_at + interval '1 day' where tenant_id = $1 and id = $2",
                Tuple.of(f.tenant, java.util.UUID.fromString(renewed))).await().atMost(Duration.ofSeconds(10));
        courses.announceExpiring(Instant.now()).await().atMost(Duration.ofSeconds(10));
        assertEquals(List.of(renewed), reminders(f.tenant));
    }

    private List<String> reminders(String tenant) {
        return db.list("""
                        select aggregate_id::text as id from event_outbox where tenant_id = $1 and type = 'certification.expiring' order by seq""",
                Tuple.of(tenant), r -> r.getString("id")).await().atMost(Duration.ofSeconds(10));
    }
}
