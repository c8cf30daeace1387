package dev.channelhub.customer;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.channelhub.customer.CustomerFixtures.channel;
import static dev.channelhub.customer.CustomerFixtures.identify;
import static dev.channelhub.customer.CustomerFixtures.newCustomer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class CustomerSearchTest {

    @Inject
    Db db;

    @Test
    void searchByEveryIdentityKindAndNamePrefix() {
        String tenant = Tokens.newTenant();
        String sales = Tokens.token(tenant, "sales");
        String ch = channel(Tokens.token(tenant, "admin"), "DIRECT", "DIRECT");
        String wang = newCustomer(sales, ch, "Wang Fang", "PHONE", "13912347001", "EMAIL", "fang@example.com",
                "WECHAT", "wx_fang", "EXTERNAL", "shopify:77");
        String wangLei = newCustomer(sales, ch, "wang lei", "PHONE", "13912347002");
        newCustomer(sales, ch, "Li Na", "PHONE", "13912347003");
        String q = "/api/v1/customers?q=";
        Api.as(sales).get(q + "0086 139 1234 7001").then().statusCode(200).body("items.id", contains(wang));
        Api.as(sales).get(q + "+86-139-1234-7001").then().body("items.id", contains(wang));
        Api.as(sales).get(q + "FANG@Example.com").then().body("items.id", contains(wang));
        Api.as(sales).get(q + "wx_fang").then().body("items.id", contains(wang));
        Api.as(sales).get(q + "Shopify:77").then().body("items.id", contains(wang));
        Api.as(sales).get(q + "WANG").then().body("items.id", containsInAnyOrder(wang, wangLei));
        Api.as(sales).get(q + "wang f").then().body("items.id", contains(wang));
        Api.as(sales).get(q + "ang").then().body("items", empty());
        Api.as(sales).get(q + "%").then().statusCode(200).body("items", empty());
        Api.as(sales).get(q + "_ang").then().statusCode(200).body("items", empty());
        Api.as(sales).get("/api/v1/customers").then().body("items.size()", equalTo(3));
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get(q + "wang").then().body("items", empty());
    }

    @Test
    void filtersByChannelAndGroupAndPages() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String sales = Tokens.token(tenant, "sales");
        String ch1 = channel(admin, "C1", "DIRECT");
        String ch2 = channel(admin, "C2", "ONLINE_STORE");
        Set<String> onCh1 = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            var body = CustomerFixtures.identifyBody(ch1, "Pager " + i, "PHONE", "1391234710" + i);
            body.put("group", i % 2 == 0 ? "VIP" : "WHOLESALE");
            onCh1.add(Api.as(sales).body(body).post("/api/v1/customers/identify").then().statusCode(201).extract().path("customer.id"));
        }
        String only2 = newCustomer(sales, ch2, "Other", "PHONE", "13912347200");
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = Api.as(sales).queryParam("channelId", ch1).queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/customers").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(onCh1, seen);
        assertEquals(3, pages);
        Api.as(sales).get("/api/v1/customers?channelId=" + ch2).then().body("items.id", contains(only2));
        Api.as(sales).get("/api/v1/customers?group=VIP").then().body("items.size()", equalTo(3));
        Api.as(sales).get("/api/v1/customers?group=VIP&q=pager 1").then().body("items", empty());
        Api.as(sales).get("/api/v1/customers?channelId=bad").then().statusCode(400).body("errors.field", contains("channelId"));
        Api.as(sales).get("/api/v1/customers?status=GONE").then().statusCode(400).body("errors.field", contains("status"));
        Api.as(sales).get("/api/v1/customers?limit=0").then().statusCode(400).body("errors.field", contains("limit"));
        Api.as(sales).get("/api/v1/customers?cursor=zzz").then().statusCode(400);
    }

    @Test
    void partnerSeesOnlyCustomersItServed() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String sales = Tokens.token(tenant, "sales");
        String brand = channel(admin, "BRAND", "DIRECT");
        String d1 = channel(admin, "D1", "DISTRIBUTOR");
        String d2 = channel(admin, "D2", "DISTRIBUTOR");
        String p1 = Tokens.partner(tenant, d1);
        String p2 = Tokens.partner(tenant, d2);
        String mine = identify(p1, d1, "Mine", "PHONE", "13912347301").statusCode(201).extract().path("customer.id");
        String brands = newCustomer(sales, brand, "Brand's", "PHONE", "13912347302");
        String owned = newCustomer(sales, brand, "Owned", "PHONE", "13912347303");
        String touched = newCustomer(sales, brand, "Touched", "PHONE", "13912347304");
        Api.as(sales).body(Map.of("ownerChannelId", d1)).patch("/api/v1/customers/" + owned).then().statusCode(200);
        Api.as(p1).body(Map.of("channelId", d1, "kind", "VISIT", "occurredAt", "2026-05-01T08:00:00Z"))
                .post("/api/v1/customers/" + touched + "/touchpoints").then().statusCode(404);
        Api.as(sales).body(Map.of("channelId", d1, "kind", "VISIT", "occurredAt", "2026-05-01T08:00:00Z"))
                .post("/api/v1/customers/" + touched + "/touchpoints").then().statusCode(201);

        Api.as(p1).get("/api/v1/customers").then().statusCode(200).body("items.id", containsInAnyOrder(mine, owned, touched));
        Api.as(p1).get("/api/v1/customers/" + brands).then().statusCode(404);
        Api.as(p1).get("/api/v1/customers/" + brands + "/360").then().statusCode(404);
        Api.as(p1).get("/api/v1/customers/" + brands + "/touchpoints").then().statusCode(404);
        Api.as(p1).get("/api/v1/customers/" + brands + "/history").then().statusCode(404);
        Api.as(p1).body(Map.of("name", "x")).patch("/api/v1/customers/" + brands).then().statusCode(404);
        Api.as(p1).get("/api/v1/customers?q=13912347302").then().body("items", empty());
        Api.as(p2).get("/api/v1/customers").then().body("items", empty());
        Api.as(p2).get("/api/v1/customers/" + mine).then().statusCode(404);
        Api.as(p2).get("/api/v1/customers/" + mine + "/360").then().statusCode(404);
        Api.as(p1).body(Map.of("group", "VIP")).patch("/api/v1/customers/" + mine).then().statusCode(403);
        Api.as(p1).body(Map.of("channelId", brand, "kind", "VISIT", "occurredAt", "2026-05-01T08:00:00Z"))
                .post("/api/v1/customers/" + mine + "/touchpoints").then().statusCode(403);
        // The partner's 360 shows its own slice only: its channel, its touchpoints.
        Api.as(p1).get("/api/v1/customers/" + touched + "/360").then().statusCode(200)
                .body("channels.channelId", contains(d1)).body("recentTouchpoints.channelId", contains(d1));
        Api.as(sales).get("/api/v1/customers/" + touched + "/360").then().statusCode(200)
                .body("channels.channelId", contains(d1, brand));
    }

    @Test
    void searchPlanUsesIndexes() {
        String tenant = Tokens.newTenant();
        String sales = Tokens.token(tenant, "sales");
        String ch = channel(Tokens.token(tenant, "admin"), "DIRECT", "DIRECT");
        // A few thousand rows of another tenant so the planner has a table worth indexing.
        db.query("insert into customer (tenant_id, id, name, created_at, updated_at) "
                        + "select 'bulk-' || (g % 7), gen_random_uuid(), 'name ' || g, now(), now() from generate_series(1, 20000) g",
                Tuple.tuple()).await().atMost(Duration.ofSeconds(60));
        db.query("analyze customer", Tuple.tuple()).await().atMost(Duration.ofSeconds(60));
        newCustomer(sales, ch, "Zhao", "PHONE", "13912347401");
        for (String sql : List.of(
                "select id from customer c where c.tenant_id = $1 and c.id in (select n.id from customer n where n.tenant_id = $1 and lower(n.name) like $2)",
                "select id from customer c where c.tenant_id = 'bulk-1' and lower(c.name) like $2 and $1 = $1")) {
            String plan = db.list("explain " + sql, Tuple.of(tenant, "name 12%"), r -> r.getString(0))
                    .await().atMost(Duration.ofSeconds(10)).toString();
            assertFalse(plan.contains("Seq Scan on customer"), plan);
        }
    }
}
