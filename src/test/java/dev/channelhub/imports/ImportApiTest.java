package dev.channelhub.imports;

import dev.channelhub.support.Api;
import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ImportApiTest {

    @jakarta.inject.Inject
    dev.channelhub.shared.persistence.Db db;

    static ExtractableResponse<Response> awaitDone(String token, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            var job = Api.as(token).get("/api/v1/imports/jobs/" + id).then().statusCode(200).extract();
            String status = job.path("status");
            if ("COMPLETED".equals(status) || "FAILED".equals(status)) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("import " + id + " still " + status);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static String upload(String token, String kind, String contentType, String body) {
        return upload(token, kind, contentType, body.getBytes(StandardCharsets.UTF_8)).then().statusCode(202).extract().path("id");
    }

    /** Sends the bytes with exactly {@code contentType} (REST Assured would otherwise add "; charset=ISO-8859-1" to text types). */
    static Response upload(String token, String kind, String contentType, byte[] body) {
        return Api.as(token).config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType).body(body).post("/api/v1/imports/" + kind);
    }

    @Test
    void csvChannelsGoodRowsLandBadRowsAreReportedWithLineNumbers() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        Api.as(admin).body("{\"code\":\"EXISTING\",\"name\":\"Already here\",\"type\":\"DIRECT\"}").post("/api/v1/channels").then().statusCode(201);
        String csv = String.join("\n",
                "code,name,type,region,tier,creditLimit,contact.email",
                "C1,First,DIRECT,EAST,,,",                       // line 2 ok
                "C2,\"Second, Ltd\",DISTRIBUTOR,WEST,GOLD,5000,a@b.cn", // line 3 ok
                "",                                              // line 4 blank
                "C3,,DIRECT,,,,",                                // line 5 name missing
                "C4,Fourth,SPACESHIP,,,,",                       // line 6 bad type
                "EXISTING,Dup,DIRECT,,,,",                       // line 7 duplicate code
                "C5,Fifth,AGENT,,,-1,",                          // line 8 negative credit limit
                "C6,Sixth,AGENT",                                // line 9 wrong number of cells
                "C7,Seventh,RETAIL_STORE,NORTH,,12.5,");         // line 10 ok
        // Uploaded by an admin: only managers and admins may set creditLimit, which rows 3 and 10 do.
        String id = upload(admin, "channels", "text/csv", csv);
        var job = awaitDone(admin, id);
        assertEquals("COMPLETED", job.path("status"));
        assertEquals(8, (int) job.path("processed"));
        assertEquals(3, (int) job.path("succeeded"));
        assertEquals(5, (int) job.path("failed"));
        assertEquals(List.of(5, 6, 7, 8, 9), job.path("errors.line"));
        assertEquals(List.of("VALIDATION_FAILED", "VALIDATION_FAILED", "DUPLICATE", "VALIDATION_FAILED", "VALIDATION_FAILED"),
                job.path("errors.code"));
        assertEquals("name", job.path("errors[0].field"));
        assertEquals("type", job.path("errors[1].field"));
        assertEquals("creditLimit", job.path("errors[3].field"));
        Api.as(admin).get("/api/v1/channels?limit=100").then().body("items", hasSize(4))
                .body("items.code.sort()", equalTo(List.of("C1", "C2", "C7", "EXISTING")));
        Api.as(admin).get("/api/v1/channels?type=DISTRIBUTOR").then().body("items[0].name", equalTo("Second, Ltd"))
                .body("items[0].creditLimit", equalTo("5000.00")).body("items[0].contact.email", equalTo("a@b.cn"));
    }

    @Test
    void ndjsonWithBadLinesAndIdempotentResubmission() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String body = "{\"code\":\"N1\",\"name\":\"One\",\"type\":\"ONLINE_STORE\"}\n"
                + "not json\n"
                + "[1,2]\n"
                + "{\"code\":\"N2\",\"name\":\"Two\",\"type\":\"AGENT\",\"creditLimit\":\"abc\"}\n"
                + "{\"code\":\"N3\",\"name\":\"Three\",\"type\":\"AGENT\"}\n";
        var first = Api.as(admin).contentType("application/x-ndjson").header("Idempotency-Key", "imp-1").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/imports/channels").then().statusCode(202).extract();
        String id = first.path("id");
        var job = awaitDone(admin, id);
        assertEquals(2, (int) job.path("succeeded"));
        assertEquals(List.of(2, 3, 4), job.path("errors.line"));
        assertEquals("creditLimit", job.path("errors[2].field"));
        Api.as(admin).contentType("application/x-ndjson").header("Idempotency-Key", "imp-1").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/imports/channels").then().statusCode(202).body("id", equalTo(id));
        Api.as(admin).contentType("application/x-ndjson").header("Idempotency-Key", "imp-1").body((body + "{}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/imports/channels").then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        Api.as(admin).get("/api/v1/channels").then().body("items", hasSize(2));
        Api.as(admin).get("/api/v1/imports").then().body("items", hasSize(1));
    }

    @Test
    void customersAreIdentifiedRowByRow() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String ch = Api.as(admin).body("{\"code\":\"SHOP\",\"name\":\"Shop\",\"type\":\"ONLINE_STORE\"}").post("/api/v1/channels")
                .then().statusCode(201).extract().path("id");
        String csv = String.join("\n",
                "channelId,name,phone,email",
                ch + ",Wang,13912345678,wang@example.com",   // line 2 new
                ch + ",Wang again,,WANG@example.com",         // line 3 same customer (e-mail normalised)
                ch + ",Nobody,,",                             // line 4 no identity
                "not-a-channel,Li,13900000001,");             // line 5 bad channel id
        var job = awaitDone(admin, upload(admin, "customers", "text/csv", csv));
        assertEquals(2, (int) job.path("succeeded"));
        assertEquals(List.of(4, 5), job.path("errors.line"));
        assertEquals(1L, db.query("select count(*) from customer where tenant_id = $1", io.vertx.mutiny.sqlclient.Tuple.of(tenant))
                .await().indefinitely().iterator().next().getLong(0), "both good rows resolved to one customer");
        assertEquals(2L, db.query("select count(*) from customer_identity where tenant_id = $1", io.vertx.mutiny.sqlclient.Tuple.of(tenant))
                .await().indefinitely().iterator().next().getLong(0));
    }

    @Test
    void productsThenStockThroughTheirServices() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        Api.as(admin).body("{\"code\":\"WH\",\"name\":\"Main warehouse\",\"type\":\"WAREHOUSE\"}").post("/api/v1/locations")
                .then().statusCode(201);
        String products = String.join("\n",
                "sku,name,category,floorPrice",
                "SKU-1,Kettle,KITCHEN,99.5",    // line 2 ok
                "SKU-2,Toaster,KITCHEN,",       // line 3 ok
                "SKU-1,Kettle again,KITCHEN,",  // line 4 duplicate sku
                "SKU-3,Pan,KITCHEN,-5");        // line 5 negative floor price
        var pj = awaitDone(admin, upload(admin, "products", "text/csv", products));
        assertEquals(2, (int) pj.path("succeeded"));
        assertEquals(List.of(4, 5), pj.path("errors.line"));
        assertEquals(List.of("DUPLICATE", "VALIDATION_FAILED"), pj.path("errors.code"));
        Api.as(admin).get("/api/v1/products/SKU-1").then().statusCode(200).body("name", equalTo("Kettle"));
        Api.as(admin).get("/api/v1/products/SKU-3").then().statusCode(404);
        String stock = "{\"locationCode\":\"WH\",\"sku\":\"SKU-1\",\"onHand\":40}\n"
                + "{\"locationCode\":\"NOWHERE\",\"sku\":\"SKU-1\",\"onHand\":5}\n"
                + "{\"locationCode\":\"WH\",\"sku\":\"SKU-2\",\"onHand\":-1}\n"
                + "{\"sku\":\"SKU-2\",\"onHand\":3}\n"
                + "{\"locationCode\":\"WH\",\"sku\":\"SKU-2\",\"onHand\":7,\"reason\":\"count\"}\n";
        var sj = awaitDone(admin, upload(admin, "stock", "application/x-ndjson", stock));
        assertEquals(2, (int) sj.path("succeeded"));
        assertEquals(List.of(2, 3, 4), sj.path("errors.line"));
        assertEquals("locationCode", sj.path("errors[2].field"));
        assertEquals(47L, db.query("select coalesce(sum(on_hand), 0) from stock_level where tenant_id = $1",
                io.vertx.mutiny.sqlclient.Tuple.of(tenant)).await().indefinitely().iterator().next().getLong(0));
    }

    /** 1500 rows stream through in chunks of 500, and the job's progress moves once per chunk. */
    @Test
    void manyRowsStreamThroughWithProgressPerChunk() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        StringBuilder b = new StringBuilder("code,name,type\n");
        int n = 1500;
        for (int i = 0; i < n; i++) {
            b.append("BULK-").append(i).append(",Bulk ").append(i).append(",DIRECT\n");
        }
        String id = upload(admin, "channels", "text/csv", b.toString());
        // Every row is its own transaction, so a chunk takes far longer than one look at the job.
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        var job = Api.as(admin).get("/api/v1/imports/jobs/" + id).then().statusCode(200).extract();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!"COMPLETED".equals(job.path("status")) && !"FAILED".equals(job.path("status")) && System.nanoTime() < deadline) {
            seen.add(job.path("processed"));
            job = Api.as(admin).get("/api/v1/imports/jobs/" + id).then().statusCode(200).extract();
        }
        assertEquals("COMPLETED", job.path("status"));
        assertEquals(n, (int) job.path("succeeded"));
        assertEquals(0, (int) job.path("failed"));
        assertTrue(java.util.Set.of(0, 500, 1000, 1500).containsAll(seen), "progress moves by whole chunks: " + seen);
        assertTrue(seen.contains(500) || seen.contains(1000), "progress is recorded before the end: " + seen);
    }

    @Test
    void csvQuotesAByteOrderMarkAndAnUnterminatedQuote() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String csv = "\uFEFFcode,name,type\n"            // a byte-order mark, as Excel writes "CSV UTF-8"
                + "Q1,\"Say \"\"hi\"\", please\",DIRECT\n"  // line 2: "" is a quote inside a quoted field
                + "Q2,\"Never closed,DIRECT\n"              // line 3: unterminated quote, only this line fails
                + "Q3,\"Comma, inside\",AGENT\n";          // line 4
        var job = awaitDone(admin, upload(admin, "channels", "text/csv", csv));
        assertEquals("COMPLETED", job.path("status"));
        assertEquals(2, (int) job.path("succeeded"));
        assertEquals(List.of(3), job.path("errors.line"));
        assertEquals("row", job.path("errors[0].field"));
        assertTrue(job.<String>path("errors[0].message").contains("unterminated"), job.<String>path("errors[0].message"));
        Api.as(admin).get("/api/v1/channels?type=DIRECT").then().body("items[0].code", equalTo("Q1"))
                .body("items[0].name", equalTo("Say \"hi\", please"));
        Api.as(admin).get("/api/v1/channels?type=AGENT").then().body("items[0].name", equalTo("Comma, inside"));
    }

    @Test
    void anUnreadableHeaderFailsTheJob() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        var job = awaitDone(admin, upload(admin, "channels", "text/csv", "code,\"name,type\nX,X,DIRECT\n"));
        assertEquals("FAILED", job.path("status"));
        assertEquals(0, (int) job.path("processed"));
        assertTrue(job.<String>path("message").contains("header") && job.<String>path("message").contains("unterminated"),
                job.<String>path("message"));
        Api.as(admin).get("/api/v1/channels").then().body("items", hasSize(0));
    }

    @Test
    void atMost1000RowErrorsAreKeptButAllAreCounted() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        StringBuilder b = new StringBuilder("code,name,type\n");
        for (int i = 0; i < 1003; i++) {
            b.append("BAD-").append(i).append(",Bad,SPACESHIP\n");
        }
        b.append("GOOD,Good,DIRECT\n");
        var job = awaitDone(admin, upload(admin, "channels", "text/csv", b.toString()));
        assertEquals("COMPLETED", job.path("status"));
        assertEquals(1004, (int) job.path("processed"));
        assertEquals(1003, (int) job.path("failed"));
        assertEquals(1, (int) job.path("succeeded"));
        List<Integer> lines = job.path("errors.line");
        assertEquals(1000, lines.size());
        assertEquals(2, lines.get(0));
        assertEquals(1001, lines.get(999), "the first 1000 are kept, in line order");
    }

    /** Excel's plain "CSV" on a Chinese Windows is GBK: refused with a clear error unless the Content-Type says so. */
    @Test
    void gbkIsRefusedAsUtf8AndAcceptedWhenDeclared() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        byte[] gbk = "code,name,type\nG1,华东经销商,DISTRIBUTOR\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        upload(admin, "channels", "text/csv", gbk).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("body")).body("errors[0].message", containsString("line 2"))
                .body("errors[0].message", containsString("UTF-8"));
        Api.as(admin).get("/api/v1/imports").then().body("items", hasSize(0));
        upload(admin, "channels", "text/csv; charset=x-no-such", gbk).then().statusCode(400)
                .body("errors[0].field", equalTo("Content-Type"));
        String id = upload(admin, "channels", "text/csv; charset=GBK", gbk).then().statusCode(202).extract().path("id");
        assertEquals("COMPLETED", awaitDone(admin, id).path("status"));
        Api.as(admin).get("/api/v1/channels").then().body("items[0].name", equalTo("华东经销商"));
    }

    @Test
    @InvalidRequests("JSON and text/plain bodies where CSV or NDJSON is required, to see 400 and 401")
    void rolesKindsAndFormats() {
        String tenant = Tokens.newTenant();
        String csv = "code,name,type\nX,X,DIRECT\n";
        for (String role : List.of("manager", "sales")) {
            Api.as(Tokens.token(tenant, role)).contentType("text/csv").body(csv).post("/api/v1/imports/channels").then().statusCode(403);
        }
        String admin = Tokens.token(tenant, "admin");
        Api.as(admin).contentType("text/csv").body(csv).post("/api/v1/imports/spaceships").then().statusCode(404);
        Api.as(admin).contentType("text/plain").body(csv).post("/api/v1/imports/channels").then().statusCode(400)
                .body("errors[0].field", equalTo("Content-Type"));
        Api.as(admin).contentType("text/plain").body(csv).post("/api/v1/imports/channels?format=xml").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        Api.as(null).contentType("text/csv").body(csv).post("/api/v1/imports/channels").then().statusCode(401);
        Api.as(null).body("{}").post("/api/v1/imports/channels").then().statusCode(401);
        Api.as(admin).body("{}").post("/api/v1/imports/channels").then().statusCode(400).body("errors[0].field", equalTo("Content-Type"));
        Api.as(admin).get("/api/v1/channels").then().body("items", hasSize(0));
        String id = Api.as(admin).contentType("text/plain; charset=utf-8").body(csv).post("/api/v1/imports/channels?format=csv")
                .then().statusCode(202).extract().path("id");
        assertEquals(1, (int) awaitDone(admin, id).path("succeeded"));
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/imports/jobs/" + id).then().statusCode(404);
        Api.as(Tokens.token(tenant, "sales")).get("/api/v1/imports/jobs/" + id).then().statusCode(403);
        Api.as(admin).get("/api/v1/imports/not-an-id").then().statusCode(404);
        Api.as(admin).get("/api/v1/imports/jobs/not-an-id").then().statusCode(404);
        Api.as(admin).get("/api/v1/channels").then().body("items", hasSize(1));
    }
}
