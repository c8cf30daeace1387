package dev.channelhub.customer;

import dev.channelhub.support.InvalidRequests;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.channelhub.customer.CustomerFixtures.channel;
import static dev.channelhub.customer.CustomerFixtures.identify;
import static dev.channelhub.customer.CustomerFixtures.identifyBody;
import static dev.channelhub.customer.CustomerFixtures.newCustomer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CustomerIdentifyTest {

    @Inject
    CustomerService service;

    @Inject
    Db db;

    @Test
    void unknownIdentitiesCreateAMatchingOneReturnsIt() {
        String tenant = Tokens.newTenant();
        String sales = Tokens.token(tenant, "sales");
        String ch = channel(Tokens.token(tenant, "admin"), "WX", "MINI_PROGRAM");
        String id = identify(sales, ch, "Li Wei", "PHONE", "139 1234 5678", "EMAIL", " Li.Wei@Example.com ")
                .statusCode(201).body("created", equalTo(true)).body("mergedFrom", empty())
                .body("customer.status", equalTo("ACTIVE")).body("customer.name", equalTo("Li Wei"))
                .body("customer.type", equalTo("PERSON")).body("customer.originChannelId", equalTo(ch))
                .body("customer.ownerChannelId", equalTo(ch)).body("customer.version", equalTo(1))
                .extract().path("customer.id");
        // +86 and 0086 spellings and an upper-case e-mail are the same identities.
        identify(sales, ch, null, "PHONE", "+86 13912345678").statusCode(200).body("created", equalTo(false))
                .body("customer.id", equalTo(id)).body("mergedFrom", empty());
        identify(sales, ch, null, "PHONE", "0086-139-1234-5678").statusCode(200).body("customer.id", equalTo(id));
        identify(sales, ch, null, "EMAIL", "LI.WEI@EXAMPLE.COM").statusCode(200).body("customer.id", equalTo(id));
        Api.as(sales).get("/api/v1/customers/" + id).then().statusCode(200).header("ETag", "\"1\"").body("id", equalTo(id));
    }

    @Test
    void newIdentitiesAreAttachedToTheMatch() {
        String tenant = Tokens.newTenant();
        String sales = Tokens.token(tenant, "sales");
        String ch = channel(Tokens.token(tenant, "admin"), "DIRECT", "DIRECT");
        String id = newCustomer(sales, ch, null, "PHONE", "13912345001");
        identify(sales, ch, "Zhang San", "PHONE", "13912345001", "WECHAT", "wx_zs", "EXTERNAL", "CRM:42")
                .statusCode(200).body("customer.id", equalTo(id)).body("customer.name", equalTo("Zhang San"));
        identify(sales, ch, "Someone Else", "WECHAT", "wx_zs").statusCode(200).body("customer.id", equalTo(id))
                .body("customer.name", equalTo("Zhang San"));
        identify(sales, ch, null, "EXTERNAL", "crm:42").statusCode(200).body("customer.id", equalTo(id));
        identify(sales, ch, null, "EXTERNAL", "crm:43").statusCode(201);
    }

    @Test
    void identitiesOfSeveralCustomersMergeIntoTheOldest() {
        String tenant = Tokens.newTenant();
        String sales = Tokens.token(tenant, "sales");
        String ch = channel(Tokens.token(tenant, "admin"), "DIRECT", "DIRECT");
        String oldest = newCustomer(sales, ch, "Old", "PHONE", "13912345002");
        String middle = newCustomer(sales, ch, "Mid", "EMAIL", "mid@example.com");
        String newest = newCustomer(sales, ch, "New", "WECHAT", "wx_new");
        identify(sales, ch, null, "WECHAT", "wx_new", "PHONE", "13912345002", "EMAIL", "mid@example.com", "EXTERNAL", "erp:9")
                .statusCode(200).body("created", equalTo(false)).body("customer.id", equalTo(oldest))
                .body("mergedFrom", containsInAnyOrder(middle, newest));
        for (String merged : List.of(middle, newest)) {
            Api.as(sales).get("/api/v1/customers/" + merged).then().statusCode(200)
                    .body("status", equalTo("MERGED")).body("mergedInto", equalTo(oldest));
        }
        // Every identity, old and new, now resolves to the survivor.
        for (String[] kv : List.of(new String[]{"EMAIL", "MID@example.com"}, new String[]{"WECHAT", "wx_new"},
                new String[]{"EXTERNAL", "erp:9"})) {
            identify(sales, ch, null, kv[0], kv[1]).statusCode(200).body("customer.id", equalTo(oldest)).body("mergedFrom", empty());
        }
    }

    @Test
    @InvalidRequests("malformed identities, to see 400")
    void invalidIdentitiesAre400NamingTheFieldAndChangeNothing() {
        String tenant = Tokens.newTenant();
        String sales = Tokens.token(tenant, "sales");
        String ch = channel(Tokens.token(tenant, "admin"), "DIRECT", "DIRECT");
        identify(sales, ch, null, "EMAIL", "ok@example.com", "PHONE", "12ab").statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", contains("identities[1].value"));
        identify(sales, ch, null, "EMAIL", "not-mail").statusCode(400).body("errors.field", contains("identities[0].value"));
        // Nothing was stored by the failed call: the valid e-mail is still unknown.
        identify(sales, ch, null, "EMAIL", "ok@example.com").statusCode(201);
        Api.as(sales).body(Map.of("channelId", ch, "identities", List.of(Map.of("kind", "FAX", "value", "1"))))
                .post("/api/v1/customers/identify").then().statusCode(400).body("errors.field", hasItem("identities[0].kind"));
        // A missing kind, and an e-mail one character over the 254 limit, name their field.
        Api.as(sales).body(Map.of("channelId", ch, "identities", List.of(Map.of("value", "x@example.com"))))
                .post("/api/v1/customers/identify").then().statusCode(400).body("errors.field", hasItem("identities[0].kind"));
        identify(sales, ch, null, "EMAIL", "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(59) + ".cn")
                .statusCode(400).body("errors.field", contains("identities[0].value"));
        Api.as(sales).body(Map.of("channelId", ch, "identities", List.of())).post("/api/v1/customers/identify")
                .then().statusCode(400).body("errors.field", contains("identities"));
        Api.as(sales).body(Map.of("channelId", "nope", "identities", CustomerFixtures.ids("PHONE", "13912345678")))
                .post("/api/v1/customers/identify").then().statusCode(400).body("errors.field", contains("channelId"));
        Api.as(sales).body(Map.of("channelId", UUID.randomUUID().toString(), "identities", CustomerFixtures.ids("PHONE", "13912345678")))
                .post("/api/v1/customers/identify").then().statusCode(400).body("errors.field", contains("channelId"));
        Api.as(sales).body("{\"channelId\":").post("/api/v1/customers/identify").then().statusCode(400);
    }

    @Test
    void junkIdentitiesNeverMatchAndAreNotStored() {
        String tenant = Tokens.newTenant();
        String sales = Tokens.token(tenant, "sales");
        String ch = channel(Tokens.token(tenant, "admin"), "DIRECT", "DIRECT");
        String a = newCustomer(sales, ch, "A", "PHONE", "0", "EMAIL", "test@test.com");
        String b = identify(sales, ch, "B", "PHONE", "0", "EMAIL", "TEST@TEST.COM", "WECHAT", "anonymous")
                .statusCode(201).extract().path("customer.id");
        assertTrue(!a.equals(b));
        String c = newCustomer(sales, ch, "C", "PHONE", "00000000000", "EMAIL", "c@example.com");
        identify(sales, ch, null, "PHONE", "00000000000", "EMAIL", "c@example.com").statusCode(200).body("customer.id", equalTo(c));
        long stored = db.one("select count(*) as n from customer_identity where tenant_id = $1", Tuple.of(tenant), r -> r.getLong("n"))
                .await().atMost(Duration.ofSeconds(5)).orElseThrow();
        assertEquals(1, stored, "only c@example.com is an identity");
    }

    @Test
    void concurrentIdentifyWithTheSameNewPhoneMakesOneCustomer() throws Exception {
        String tenant = Tokens.newTenant();
        String sales = Tokens.token(tenant, "sales");
        String ch = channel(Tokens.token(tenant, "admin"), "DIRECT", "DIRECT");
        for (int round = 0; round < 3; round++) {
            String phone = "1391234" + (5100 + round);
            int parallel = 8;
            ExecutorService pool = Executors.newFixedThreadPool(parallel);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String[]>> results = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                String email = "p" + round + "x" + i + "@example.com";
                Callable<String[]> call = () -> {
                    start.await();
                    var r = Api.as(sales).body(identifyBody(ch, null, "PHONE", phone, "EMAIL", email))
                            .post("/api/v1/customers/identify");
                    return new String[]{Integer.toString(r.statusCode()), r.path("customer.id")};
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<String[]> f : results) {
                String[] r = f.get();
                assertTrue(r[0].equals("201") || r[0].equals("200"), "status " + r[0]);
                created += r[0].equals("201") ? 1 : 0;
                ids.add(r[1]);
            }
            pool.shutdown();
            assertEquals(1, ids.size(), "one customer for one phone");
            assertEquals(1, created, "exactly one call created it");
            long emails = db.one("select count(*) as n from customer_identity where tenant_id = $1 and customer_id = $2 and kind = 'EMAIL'",
                    Tuple.of(tenant, UUID.fromString(ids.iterator().next())), r -> r.getLong("n")).await().atMost(Duration.ofSeconds(5)).orElseThrow();
            assertEquals(parallel, emails, "every call attached its e-mail");
        }
    }

    @Test
    void partnerIdentifiesThroughItsOwnChannelOnly() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String dealer = channel(admin, "D1", "DISTRIBUTOR");
        String other = channel(admin, "D2", "DISTRIBUTOR");
        String partner = Tokens.partner(tenant, dealer);
        identify(partner, other, null, "PHONE", "13912345003").statusCode(403).body("code", equalTo("FORBIDDEN"));
        String id = identify(partner, dealer, "P", "PHONE", "13912345003").statusCode(201).extract().path("customer.id");
        Api.as(partner).get("/api/v1/customers/" + id).then().statusCode(200);
        Api.as(Tokens.partner(tenant, other)).get("/api/v1/customers/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        // The other dealer identifying the same person attaches it to that dealer, who can then read it.
        identify(Tokens.partner(tenant, other), other, null, "PHONE", "+8613912345003").statusCode(200).body("customer.id", equalTo(id));
        Api.as(Tokens.partner(tenant, other)).get("/api/v1/customers/" + id).then().statusCode(200);
    }

    @Test
    void securityNegatives() {
        String tenant = Tokens.newTenant();
        String sales = Tokens.token(tenant, "sales");
        String ch = channel(Tokens.token(tenant, "admin"), "DIRECT", "DIRECT");
        String id = newCustomer(sales, ch, "X", "PHONE", "13912345004");
        Api.as(null).get("/api/v1/customers/" + id).then().statusCode(401);
        Api.as(Tokens.token(tenant, "manager")).body(identifyBody(ch, null, "PHONE", "13912345005"))
                .post("/api/v1/customers/identify").then().statusCode(403);
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/customers/" + id).then().statusCode(404);
        Api.as(Tokens.token(tenant, "manager")).get("/api/v1/customers/" + id).then().statusCode(200);
        Api.as(sales).get("/api/v1/customers/not-an-id").then().statusCode(404);
        Api.as(sales).get("/api/v1/customers/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        String tenant = Tokens.newTenant();
        String sales = Tokens.token(tenant, "sales");
        String ch = channel(Tokens.token(tenant, "admin"), "DIRECT", "DIRECT");
        var body = identifyBody(ch, "K", "PHONE", "13912345006");
        String id = Api.as(sales).header("Idempotency-Key", "k1").body(body).post("/api/v1/customers/identify")
                .then().statusCode(201).extract().path("customer.id");
        Api.as(sales).header("Idempotency-Key", "k1").body(body).post("/api/v1/customers/identify")
                .then().statusCode(201).body("customer.id", equalTo(id)).header("Idempotent-Replayed", "true");
        Api.as(sales).header("Idempotency-Key", "k1").body(identifyBody(ch, "K", "PHONE", "13912345007"))
                .post("/api/v1/customers/identify").then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void serviceMethodsForOtherFeatures() {
        String tenant = Tokens.newTenant();
        String ch = channel(Tokens.token(tenant, "admin"), "DIRECT", "DIRECT");
        Caller caller = Caller.of(tenant, "order-test", Set.of(Role.SALES), null);
        IdentifyRequest request = new IdentifyRequest(ch, "In Tx", null, "VIP",
                List.of(new IdentityInput(IdentityKind.PHONE, "+86 139 1234 5008")));
        // identify inside someone else's transaction: rolled back with it, committed with it.
        IdentifyResult rolledBack = db.inTransaction(tx -> service.identify(tx, caller, request)
                        .flatMap(r -> io.smallrye.mutiny.Uni.createFrom().<IdentifyResult>failure(new IllegalStateException("rollback"))))
                .onFailure().recoverWithNull().await().atMost(Duration.ofSeconds(10));
        assertNull(rolledBack);
        IdentifyResult first = db.inTransaction(tx -> service.identify(tx, caller, request)).await().atMost(Duration.ofSeconds(10));
        assertTrue(first.created());
        assertEquals("VIP", first.customer().group());
        IdentifyResult again = db.inTransaction(tx -> service.identify(tx, caller, request)).await().atMost(Duration.ofSeconds(10));
        assertEquals(first.customer().id(), again.customer().id());

        UUID id = UUID.fromString(first.customer().id());
        CustomerView found = service.find(db.pool(), tenant, id).await().atMost(Duration.ofSeconds(5)).orElseThrow();
        assertEquals("In Tx", found.name());
        assertTrue(service.find(db.pool(), Tokens.newTenant(), id).await().atMost(Duration.ofSeconds(5)).isEmpty());

        UUID missing = UUID.randomUUID();
        List<CustomerView> batch = service.byIds(caller, java.util.Arrays.asList(missing, id, null, id))
                .await().atMost(Duration.ofSeconds(5));
        assertEquals(4, batch.size());
        assertNull(batch.get(0));
        assertEquals(first.customer().id(), batch.get(1).id());
        assertNull(batch.get(2));
        assertEquals(first.customer().id(), batch.get(3).id());
        Caller otherPartner = Caller.of(tenant, "p", Set.of(Role.PARTNER), UUID.randomUUID());
        assertNull(service.byIds(otherPartner, List.of(id)).await().atMost(Duration.ofSeconds(5)).get(0));
    }
}
