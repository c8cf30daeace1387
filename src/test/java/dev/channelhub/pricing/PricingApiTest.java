package dev.channelhub.pricing;

import dev.channelhub.support.InvalidRequests;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.support.Api;
import dev.channelhub.support.SqlCounter;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.channelhub.pricing.PricingFixture.quote;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PricingApiTest {

    @Inject
    Db db;

    /** A channel group written straight to the channel feature's tables (its API is tested there). */
    private String group(String tenant, String code, String[] ruleTypes, String... members) {
        UUID id = Ids.newId();
        db.query("insert into channel_group (tenant_id, id, code, name, has_rule, rule_types) values ($1, $2, $3, $3, $4, $5)",
                Tuple.from(new Object[]{tenant, id, code, ruleTypes != null, ruleTypes})).await().indefinitely();
        for (String m : members) {
            db.query("insert into channel_group_member (tenant_id, group_id, channel_id) values ($1, $2, $3)",
                    Tuple.of(tenant, id, UUID.fromString(m))).await().indefinitely();
        }
        return id.toString();
    }

    @Test
    void conflictViewShowsPricesPerTypeAndGroupAndFlagsBelowFloor() {
        PricingFixture f = new PricingFixture();
        String direct = f.channel("WEB", "DIRECT");
        String mini = f.channel("MINI", "MINI_PROGRAM");
        f.channel("DLR", "DISTRIBUTOR"); // still APPLIED, so not an active channel: no DISTRIBUTOR segment
        String vip = group(f.tenant, "VIP", null, mini);
        f.product("X", "50");
        f.priceList("BASE", Map.of(), null, "X", "100");
        f.priceList("VIP", Map.of("channelGroupIds", List.of(vip)), null, "X", "60");
        Api.as(f.admin).body("{\"floorPrice\":\"70\",\"force\":true}").patch("/api/v1/products/X").then().statusCode(200);
        JsonPath c = Api.as(Tokens.token(f.tenant, "manager")).get("/api/v1/prices/conflicts?sku=X").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("70.00", c.getString("floorPrice"));
        assertEquals(true, c.getBoolean("belowFloor"));
        assertEquals(List.of("CHANNEL_TYPE", "CHANNEL_TYPE", "CHANNEL_GROUP"), c.getList("segments.kind"));
        assertEquals(List.of("DIRECT", "MINI_PROGRAM", vip), c.getList("segments.key"));
        assertEquals("100.00", c.getString("segments[0].minUnitPrice"));
        assertEquals(false, c.getBoolean("segments[0].belowFloor"));
        assertEquals("60.00", c.getString("segments[1].maxUnitPrice"));
        assertEquals(List.of(mini), c.getList("segments[1].belowFloorChannelIds"));
        assertEquals("VIP", c.getString("segments[2].prices[0].priceListCode"));
        assertEquals(1, c.getInt("segments[2].channels"));
        Api.as(Tokens.partner(f.tenant, direct)).get("/api/v1/prices/conflicts?sku=X").then().statusCode(403);
        Api.as(f.admin).get("/api/v1/prices/conflicts").then().statusCode(400).body("errors[0].field", equalTo("sku"));
        Api.as(f.admin).get("/api/v1/prices/conflicts?sku=NOPE").then().statusCode(404);
    }

    @Test
    void customerGroupListsApplyToThatGroupsCustomers() {
        PricingFixture f = new PricingFixture();
        String ch = f.channel("WEB", "ONLINE_STORE");
        f.product("X", null);
        f.priceList("BASE", Map.of(), null, "X", "100");
        f.priceList("VIP", Map.of("customerGroups", List.of("VIP")), null, "X", "95");
        String vip = Api.as(f.admin).body(Map.of("channelId", ch, "name", "Wang", "group", "VIP",
                        "identities", List.of(Map.of("kind", "EMAIL", "value", "wang@example.com"))))
                .post("/api/v1/customers/identify").then().statusCode(201).extract().path("customer.id");
        String plain = Api.as(f.admin).body(Map.of("channelId", ch, "name", "Li",
                        "identities", List.of(Map.of("kind", "EMAIL", "value", "li@example.com"))))
                .post("/api/v1/customers/identify").then().statusCode(201).extract().path("customer.id");
        Map<String, Object> forVip = quote(ch, "X", 1);
        forVip.put("customerId", vip);
        Api.as(f.admin).body(forVip).post("/api/v1/prices/quote").then().statusCode(200)
                .body("lines[0].priceListCode", equalTo("VIP")).body("lines[0].explanation[0]", containsString("priority 150"));
        Map<String, Object> forPlain = quote(ch, "X", 1);
        forPlain.put("customerId", plain);
        Api.as(f.admin).body(forPlain).post("/api/v1/prices/quote").then().body("lines[0].priceListCode", equalTo("BASE"));
        Api.as(f.admin).body(quote(ch, "X", 1)).post("/api/v1/prices/quote").then().body("lines[0].priceListCode", equalTo("BASE"));
        Map<String, Object> unknown = quote(ch, "X", 1);
        unknown.put("customerId", UUID.randomUUID().toString());
        Api.as(f.admin).body(unknown).post("/api/v1/prices/quote").then().statusCode(400).body("errors[0].field", equalTo("customerId"));
        Api.graphql(f.admin, "query($c: ID, $u: ID) { products(channelId: $c, customerId: $u) { edges { node { price { priceListCode } } } } }",
                Map.of("c", ch, "u", vip)).then().body("errors", nullValue())
                .body("data.products.edges[0].node.price.priceListCode", equalTo("VIP"));
    }

    @Test
    void groupScopedListsFollowMembershipStaticAndByRule() {
        PricingFixture f = new PricingFixture();
        String member = f.channel("IN", "DISTRIBUTOR");
        String outsider = f.channel("OUT", "DISTRIBUTOR");
        String agent = f.channel("AG", "AGENT");
        String vip = group(f.tenant, "VIP", null, member);
        String agents = group(f.tenant, "AGENTS", new String[]{"AGENT"});
        f.product("X", null);
        f.priceList("TYPE", Map.of("channelTypes", List.of("DISTRIBUTOR", "AGENT")), null, "X", "90");
        f.priceList("VIP", Map.of("channelGroupIds", List.of(vip)), null, "X", "80");
        f.priceList("AGENTS", Map.of("channelGroupIds", List.of(agents)), null, "X", "85");
        Api.as(f.admin).body(quote(member, "X", 1)).post("/api/v1/prices/quote").then().statusCode(200)
                .body("lines[0].priceListCode", equalTo("VIP")).body("lines[0].unitPrice", equalTo("80.00"))
                .body("lines[0].explanation[0]", containsString("channel group"))
                .body("lines[0].explanation[1]", equalTo("Beat TYPE (priority 200)"));
        Api.as(f.admin).body(quote(outsider, "X", 1)).post("/api/v1/prices/quote").then().body("lines[0].priceListCode", equalTo("TYPE"));
        Api.as(f.admin).body(quote(agent, "X", 1)).post("/api/v1/prices/quote").then().body("lines[0].priceListCode", equalTo("AGENTS"));
    }

    @Test
    void entryBelowFloorIsRefusedNamingTheSku() {
        PricingFixture f = new PricingFixture();
        f.product("TEA-1", "50");
        f.product("TEA-2", "10");
        Api.as(f.admin).body(Map.of("code", "BASE", "name", "Base", "entries", List.of(Map.of("sku", "TEA-2", "price", "20"),
                        Map.of("sku", "TEA-1", "price", "40"))))
                .post("/api/v1/price-lists").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("PRICE_BELOW_FLOOR")).body("errors", hasSize(1))
                .body("errors[0].field", equalTo("entries[1].price")).body("errors[0].message", containsString("TEA-1"));
        Api.as(f.admin).get("/api/v1/price-lists").then().body("items", hasSize(0));
        Api.as(f.admin).body(Map.of("code", "BASE", "name", "Base", "entries", List.of(Map.of("sku", "NOPE", "price", "20"))))
                .post("/api/v1/price-lists").then().statusCode(400).body("errors[0].field", equalTo("entries[0].sku"));
        String id = f.priceList("BASE", Map.of(), null, "TEA-1", "50", "TEA-2", "10");
        Api.as(f.admin).body(Map.of("entries", List.of(Map.of("sku", "TEA-1", "price", "60"), Map.of("sku", "TEA-2", "price", "9.99"))))
                .put("/api/v1/price-lists/" + id + "/entries").then().statusCode(422).body("code", equalTo("PRICE_BELOW_FLOOR"))
                .body("errors[0].message", containsString("TEA-2"));
        // nothing of the refused request was written
        Api.as(f.admin).get("/api/v1/price-lists/" + id + "/entries?sku=TEA-1").then().body("items[0].price", equalTo("50.0000"));
    }

    @Test
    void raisingAFloorAboveEntriesIsRefusedUnlessForced() {
        PricingFixture f = new PricingFixture();
        f.product("TEA-1", "10");
        f.priceList("BASE", Map.of(), null, "TEA-1", "30");
        f.priceList("DEAL", Map.of("channelTypes", List.of("DISTRIBUTOR")), null, "TEA-1", "25");
        Api.as(f.admin).body("{\"floorPrice\":\"28\"}").patch("/api/v1/products/TEA-1").then().statusCode(422)
                .body("code", equalTo("PRICE_BELOW_FLOOR")).body("errors", hasSize(1))
                .body("errors[0].field", equalTo("floorPrice")).body("errors[0].message", containsString("DEAL"));
        Api.as(f.admin).get("/api/v1/products/TEA-1").then().body("floorPrice", equalTo("10.00")).body("version", equalTo(1));
        Api.as(f.admin).body("{\"floorPrice\":\"25\"}").patch("/api/v1/products/TEA-1").then().statusCode(200);
        Api.as(f.admin).body("{\"floorPrice\":\"28\",\"force\":true}").patch("/api/v1/products/TEA-1").then().statusCode(200)
                .body("floorPrice", equalTo("28.00"));
    }

    @Test
    void bulkEntriesUpsertThousandsInOneCallWithConstantStatements() {
        PricingFixture f = new PricingFixture();
        StringBuilder mutation = new StringBuilder("mutation {");
        for (int i = 0; i < 100; i++) {
            mutation.append(" p").append(i).append(": createProduct(input: {sku: \"B-").append(i).append("\", name: \"B\"}) { id }");
        }
        Api.graphql(f.admin, mutation.append(" }").toString()).then().body("errors", nullValue());
        String id = f.priceList("BULK", Map.of(), null);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            for (int tier = 1; tier <= 30; tier++) {
                entries.add(Map.of("sku", "B-" + i, "price", String.valueOf(1000 - tier), "minQuantity", tier));
            }
        }
        long before = SqlCounter.current();
        Api.as(f.admin).header("If-Match", "\"1\"").body(Map.of("entries", entries)).put("/api/v1/price-lists/" + id + "/entries")
                .then().statusCode(200).body("entryCount", equalTo(3000)).body("version", equalTo(2));
        long statements = SqlCounter.current() - before;
        assertTrue(statements > 0 && statements <= 8, "3000 entries cost " + statements + " statements");
        List<Map<String, Object>> few = entries.subList(0, 30).stream()
                .map(e -> Map.<String, Object>of("sku", e.get("sku"), "price", "1", "minQuantity", e.get("minQuantity"))).toList();
        before = SqlCounter.current();
        Api.as(f.admin).body(Map.of("entries", few)).put("/api/v1/price-lists/" + id + "/entries").then().statusCode(200)
                .body("entryCount", equalTo(3000));
        assertEquals(statements, SqlCounter.current() - before, "30 entries cost what 3000 cost");
        // upsert changes existing rows; replace drops the rest
        Api.as(f.admin).body(Map.of("entries", List.of(Map.of("sku", "B-1", "price", "5", "minQuantity", 1)), "replace", true))
                .put("/api/v1/price-lists/" + id + "/entries").then().statusCode(200).body("entryCount", equalTo(1));
        Api.as(f.admin).get("/api/v1/price-lists/" + id + "/entries").then().body("items[0].price", equalTo("5.0000"));
        Api.as(f.admin).header("If-Match", "\"1\"").body(Map.of("entries", List.of()))
                .put("/api/v1/price-lists/" + id + "/entries").then().statusCode(412).body("code", equalTo("VERSION_CONFLICT"));
        Api.as(f.admin).body(Map.of("entries", List.of(Map.of("sku", "B-1", "price", "5"), Map.of("sku", "B-1", "price", "6"))))
                .put("/api/v1/price-lists/" + id + "/entries").then().statusCode(400).body("errors[0].field", equalTo("entries[1]"));
    }

    @Test
    void entriesArePaged() {
        PricingFixture f = new PricingFixture();
        f.product("A", null);
        f.product("B", null);
        String id = f.priceList("L", Map.of(), null, "A", "1", "B", "2");
        Api.as(f.admin).body(Map.of("entries", List.of(Map.of("sku", "A", "price", "0.5", "minQuantity", 10))))
                .put("/api/v1/price-lists/" + id + "/entries").then().statusCode(200);
        var first = Api.as(f.admin).get("/api/v1/price-lists/" + id + "/entries?limit=2").then().statusCode(200)
                .body("items.sku", equalTo(List.of("A", "A"))).body("items.minQuantity", equalTo(List.of(1, 10))).extract();
        String cursor = first.path("nextCursor");
        Api.as(f.admin).get("/api/v1/price-lists/" + id + "/entries?limit=2&cursor=" + cursor).then()
                .body("items.sku", equalTo(List.of("B"))).body("nextCursor", nullValue());
    }

    @Test
    void quoteSelectsExplainsAndTotals() {
        PricingFixture f = new PricingFixture();
        String ch = f.channel("D1", "DISTRIBUTOR");
        f.product("TEA-1", "70");
        f.product("TEA-2", null);
        f.priceList("BASE", Map.of(), null, "TEA-1", "100", "TEA-2", "20.005");
        f.priceList("DIST", Map.of("channelTypes", List.of("DISTRIBUTOR")), null, "TEA-1", "90");
        Api.as(f.admin).body(Map.of("code", "HALF", "kind", "PERCENT_OFF", "value", "50", "skus", List.of("TEA-1")))
                .post("/api/v1/promotions").then().statusCode(201);
        JsonPath q = Api.as(f.admin).body(quote(ch, "TEA-1", 2, "TEA-2", 3)).post("/api/v1/prices/quote")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("CNY", q.getString("currency"));
        assertEquals("DIST", q.getString("lines[0].priceListCode"));
        assertEquals("90.00", q.getString("lines[0].listPrice"));
        assertEquals("70.00", q.getString("lines[0].unitPrice"));
        assertEquals("HALF", q.getString("lines[0].promotionCode"));
        assertEquals(true, q.getBoolean("lines[0].floorApplied"));
        assertEquals("140.00", q.getString("lines[0].lineTotal"));
        assertEquals("BASE", q.getString("lines[1].priceListCode"));
        assertEquals("20.01", q.getString("lines[1].unitPrice"));
        assertEquals("60.03", q.getString("lines[1].lineTotal"));
        assertEquals("200.03", q.getString("total"));
        List<String> why = q.getList("lines[0].explanation");
        assertTrue(why.get(0).startsWith("Price list DIST won"), why.toString());
        assertTrue(why.stream().anyMatch(s -> s.contains("raised to the floor")), why.toString());
        // what-if: a list valid from next year (relative to the test's clock, so it never becomes "now")
        java.time.Instant nextYear = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(java.time.Duration.ofDays(365));
        Api.as(f.admin).body(Map.of("code", "NEXT", "name", "n", "validFrom", nextYear.toString(),
                "scope", Map.of("channelIds", List.of(ch)), "entries", List.of(Map.of("sku", "TEA-2", "price", "19"))))
                .post("/api/v1/price-lists").then().statusCode(201);
        Api.as(f.admin).body(quote(ch, "TEA-2", 1)).post("/api/v1/prices/quote").then().body("lines[0].priceListCode", equalTo("BASE"));
        Map<String, Object> future = quote(ch, "TEA-2", 1);
        future.put("at", nextYear.plus(java.time.Duration.ofDays(150)).toString());
        Api.as(f.admin).body(future).post("/api/v1/prices/quote").then().body("lines[0].priceListCode", equalTo("NEXT"))
                .body("lines[0].unitPrice", equalTo("19.00"));
        Map<String, Object> usd = quote(ch, "TEA-2", 1);
        usd.put("currency", "USD");
        Api.as(f.admin).body(usd).post("/api/v1/prices/quote").then().statusCode(422).body("code", equalTo("NO_PRICE"));
    }

    @Test
    void noPriceNamesEverySku() {
        PricingFixture f = new PricingFixture();
        String ch = f.channel("D1", "DIRECT");
        f.product("OK", null);
        f.product("OLD", null);
        f.product("UNPRICED", null);
        f.priceList("BASE", Map.of(), null, "OK", "1", "OLD", "1");
        Api.as(f.admin).body("{\"status\":\"DISCONTINUED\"}").patch("/api/v1/products/OLD").then().statusCode(200);
        Api.as(f.admin).body(quote(ch, "OK", 1, "OLD", 1, "UNPRICED", 1, "GHOST", 1)).post("/api/v1/prices/quote")
                .then().statusCode(422).body("code", equalTo("NO_PRICE"))
                .body("errors.field", equalTo(List.of("lines[1].sku", "lines[2].sku", "lines[3].sku")))
                .body("errors[0].message", containsString("OLD")).body("errors[0].message", containsString("discontinued"))
                .body("errors[1].message", containsString("UNPRICED")).body("errors[2].message", containsString("GHOST"));
    }

    @Test
    @InvalidRequests("quote lines with quantity 0, to see 400")
    void quoteValidation() {
        PricingFixture f = new PricingFixture();
        String ch = f.channel("D1", "DIRECT");
        Api.as(f.admin).body(quote(ch, "A", 0)).post("/api/v1/prices/quote").then().statusCode(400)
                .body("errors.field", hasItem("lines[0].quantity"));
        Api.as(f.admin).body(quote(ch)).post("/api/v1/prices/quote").then().statusCode(400).body("errors.field", hasItem("lines"));
        Api.as(f.admin).body(quote("nope", "A", 1)).post("/api/v1/prices/quote").then().statusCode(400)
                .body("errors.field", hasItem("channelId"));
        Api.as(f.admin).body(quote(java.util.UUID.randomUUID().toString(), "A", 1)).post("/api/v1/prices/quote").then().statusCode(400)
                .body("errors.field", hasItem("channelId"));
        Object[] many = new Object[1002];
        for (int i = 0; i < 501; i++) {
            many[2 * i] = "S" + i;
            many[2 * i + 1] = 1;
        }
        Api.as(f.admin).body(quote(ch, many)).post("/api/v1/prices/quote").then().statusCode(400).body("errors.field", hasItem("lines"));
        Map<String, Object> bad = quote(ch, "A", 1);
        bad.put("at", "yesterday");
        Api.as(f.admin).body(bad).post("/api/v1/prices/quote").then().statusCode(400).body("errors.field", hasItem("at"));
    }

    @Test
    void quoteOf500LinesCostsTheSameStatementsAsOne() {
        PricingFixture f = new PricingFixture();
        String ch = f.channel("D1", "DIRECT");
        StringBuilder mutation = new StringBuilder("mutation {");
        for (int i = 0; i < 250; i++) {
            mutation.append(" p").append(i).append(": createProduct(input: {sku: \"Q-").append(i).append("\", name: \"Q\"}) { id }");
        }
        Api.graphql(f.admin, mutation.append(" }").toString()).then().body("errors", nullValue());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            entries.add(Map.of("sku", "Q-" + i, "price", "10"));
            entries.add(Map.of("sku", "Q-" + i, "price", "9", "minQuantity", 2));
        }
        Api.as(f.admin).body(Map.of("code", "BASE", "name", "b", "entries", entries)).post("/api/v1/price-lists").then().statusCode(201);
        f.priceList("CH", Map.of("channelIds", List.of(ch)), null, "Q-0", "8");
        Object[] lines = new Object[1000];
        for (int i = 0; i < 500; i++) {
            lines[2 * i] = "Q-" + (i % 250);
            lines[2 * i + 1] = i < 250 ? 1 : 2;
        }
        // The first quote of a tenant loads its pricing headers (PricingCache); the counts below are the warm ones.
        Api.as(f.admin).body(quote(ch, "Q-1", 1)).post("/api/v1/prices/quote").then().statusCode(200);
        long before = SqlCounter.current();
        Api.as(f.admin).body(quote(ch, "Q-1", 1)).post("/api/v1/prices/quote").then().statusCode(200);
        long one = SqlCounter.current() - before;
        before = SqlCounter.current();
        JsonPath q = Api.as(f.admin).body(quote(ch, lines)).post("/api/v1/prices/quote").then().statusCode(200).extract().jsonPath();
        long many = SqlCounter.current() - before;
        assertEquals(one, many, "a 500-line quote runs the same statements as a 1-line quote");
        assertEquals(1, many, "epoch, products and entries in one statement");
        assertEquals(500, q.getList("lines").size());
        assertEquals("8.00", q.getString("lines[0].unitPrice"));
        assertEquals("10.00", q.getString("lines[1].unitPrice"));
        assertEquals("9.00", q.getString("lines[251].unitPrice"));
        // 249 x 10 + 8 (quantity 1) + 249 x 2 x 9 + 2 x 8 (quantity 2: CH's 1+ tier still beats BASE's 2+ tier for Q-0)
        assertEquals("6996.00", q.getString("total"));
    }

    @Test
    void restAndGraphqlQuotesAreIdentical() {
        PricingFixture f = new PricingFixture();
        String ch = f.channel("S1", "RETAIL_STORE");
        f.product("X", "1");
        f.product("Y", null, "cups");
        f.priceList("BASE", Map.of(), null, "X", "10", "Y", "7.77");
        Api.as(f.admin).body(Map.of("code", "CUPS", "kind", "AMOUNT_OFF", "value", "0.5", "categories", List.of("cups")))
                .post("/api/v1/promotions").then().statusCode(201);
        Map<String, Object> request = quote(ch, "X", 3, "Y", 4);
        Map<String, Object> rest = Api.as(f.admin).body(request).post("/api/v1/prices/quote").then().statusCode(200)
                .extract().jsonPath().getMap("");
        Map<String, Object> gql = Api.graphql(f.admin, "query($in: QuoteInput!) { priceQuote(input: $in) { currency total lines { sku "
                        + "quantity listPrice unitPrice lineTotal priceListCode promotionCode floorApplied explanation } } }",
                Map.of("in", request)).then().body("errors", nullValue()).extract().jsonPath().getMap("data.priceQuote");
        assertEquals(normalize(rest), normalize(gql));
        assertEquals("CUPS", ((Map<?, ?>) ((List<?>) rest.get("lines")).get(1)).get("promotionCode"));
    }

    /** REST money is a string, GraphQL a number: compare them as decimals. */
    @SuppressWarnings("unchecked")
    static Object normalize(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, v) -> out.put((String) k, normalize(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(PricingApiTest::normalize).toList();
        }
        if (o instanceof Number || o instanceof String s && s.matches("-?\\d+(\\.\\d+)?")) {
            return new java.math.BigDecimal(o.toString()).stripTrailingZeros();
        }
        return o;
    }

    @Test
    void partnersPriceOnlyTheirOwnChannelAndNeverSeeLists() {
        PricingFixture f = new PricingFixture();
        String mine = f.channel("P1", "DISTRIBUTOR");
        String other = f.channel("P2", "DISTRIBUTOR");
        f.product("X", "1");
        String list = f.priceList("BASE", Map.of(), null, "X", "10");
        String partner = Tokens.partner(f.tenant, mine);
        Api.as(partner).body(quote(mine, "X", 1)).post("/api/v1/prices/quote").then().statusCode(200)
                .body("lines[0].unitPrice", equalTo("10.00"));
        // Another channel's prices are another channel's data: 404, the same as a channel that does not exist (contract §3).
        Api.as(partner).body(quote(other, "X", 1)).post("/api/v1/prices/quote").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as(partner).body(quote(UUID.randomUUID().toString(), "X", 1)).post("/api/v1/prices/quote").then().statusCode(404);
        Api.as(partner).get("/api/v1/channels/" + other + "/catalog").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as(partner).get("/api/v1/channels/" + mine + "/catalog").then().statusCode(200).body("items[0].unitPrice", equalTo("10.00"));
        Api.as(partner).get("/api/v1/price-lists").then().statusCode(403);
        Api.as(partner).get("/api/v1/price-lists/" + list).then().statusCode(403);
        Api.as(partner).get("/api/v1/promotions").then().statusCode(403);
        Api.as(partner).body(Map.of("code", "X", "name", "x")).post("/api/v1/price-lists").then().statusCode(403);
        Api.graphql(partner, "{ priceLists { edges { node { id } } } }").then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.graphql(partner, "query($c: ID) { products(channelId: $c) { edges { node { sku price { unitPrice } } } } }",
                        Map.of("c", other)).then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(partner, "query($c: ID) { product(sku: \"X\") { price(channelId: $c) { unitPrice } } }", Map.of("c", other))
                .then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(partner, "{ products(first: 5) { edges { node { sku floorPrice price { unitPrice } } } } }")
                .then().body("errors", nullValue()).body("data.products.edges[0].node.floorPrice", nullValue())
                .body("data.products.edges[0].node.price.unitPrice", equalTo("10.00"));
    }

    @Test
    void rolesForPricing() {
        PricingFixture f = new PricingFixture();
        String ch = f.channel("D", "DIRECT");
        f.product("X", null);
        String list = f.priceList("BASE", Map.of(), null, "X", "10");
        String sales = Tokens.token(f.tenant, "sales");
        String integration = Tokens.token(f.tenant, "integration");
        Api.as(sales).get("/api/v1/price-lists/" + list).then().statusCode(200).header("ETag", "\"1\"").body("effectivePriority", equalTo(100));
        Api.as(sales).body(quote(ch, "X", 1)).post("/api/v1/prices/quote").then().statusCode(200);
        Api.as(sales).body(Map.of("code", "S", "name", "s")).post("/api/v1/price-lists").then().statusCode(403);
        Api.as(sales).body(Map.of("entries", List.of())).put("/api/v1/price-lists/" + list + "/entries").then().statusCode(403);
        Api.as(sales).body(Map.of("code", "P", "kind", "PERCENT_OFF", "value", "5")).post("/api/v1/promotions").then().statusCode(403);
        Api.as(integration).body(Map.of("entries", List.of(Map.of("sku", "X", "price", "11"))))
                .put("/api/v1/price-lists/" + list + "/entries").then().statusCode(200);
        Api.as(sales).get("/api/v1/price-lists/" + list + "/entries?sku=X").then().body("items[0].price", equalTo("11.0000"));
        Api.as(sales).body(quote(ch, "X", 1)).post("/api/v1/prices/quote").then().body("lines[0].unitPrice", equalTo("11.00"));
        Api.as(integration).body(Map.of("code", "I", "name", "i")).post("/api/v1/price-lists").then().statusCode(403);
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/price-lists/" + list).then().statusCode(404);
        Api.as(null).get("/api/v1/price-lists/" + list).then().statusCode(401);
        Api.as(f.admin).get("/api/v1/price-lists/not-an-id").then().statusCode(404);
    }

    @Test
    void priceListPatchAndUpsertMutation() {
        PricingFixture f = new PricingFixture();
        f.product("X", "5");
        String id = f.priceList("L", Map.of(), null, "X", "10");
        Api.as(f.admin).header("If-Match", "\"1\"").body(Map.of("priority", 700, "scope", Map.of("channelTypes", List.of("AGENT"))))
                .patch("/api/v1/price-lists/" + id).then().statusCode(200).body("priority", equalTo(700))
                .body("effectivePriority", equalTo(700)).body("scope.channelTypes", equalTo(List.of("AGENT"))).body("version", equalTo(2));
        Api.as(f.admin).body(Map.of("validFrom", "2030-01-01T00:00:00Z", "validTo", "2029-01-01T00:00:00Z"))
                .patch("/api/v1/price-lists/" + id).then().statusCode(400).body("errors[0].field", equalTo("validTo"));
        Api.as(f.admin).body(Map.of("scope", Map.of("channelIds", List.of("bad")))).patch("/api/v1/price-lists/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("scope.channelIds[0]"));
        String upsert = "mutation($in: PriceListInput!, $v: Int) { upsertPriceList(input: $in, version: $v) { id code version entryCount effectivePriority } }";
        Api.graphql(f.admin, upsert, Map.of("in", Map.of("code", "L", "name", "L2", "entries", List.of(Map.of("sku", "X", "price", "9",
                        "minQuantity", 5))), "v", 2)).then().body("errors", nullValue())
                .body("data.upsertPriceList.id", equalTo(id)).body("data.upsertPriceList.entryCount", equalTo(2))
                .body("data.upsertPriceList.effectivePriority", equalTo(100));
        Api.graphql(f.admin, upsert, Map.of("in", Map.of("code", "NEW", "name", "n", "scope", Map.of("channelTypes", List.of("AGENT")),
                        "entries", List.of(Map.of("sku", "X", "price", "4")))))
                .then().log().ifValidationFails().body("errors[0].extensions.code", equalTo("PRICE_BELOW_FLOOR"));
        Api.graphql(f.admin, upsert, Map.of("in", Map.of("code", "NEW", "name", "n", "scope", Map.of("channelTypes", List.of("AGENT")),
                        "entries", List.of(Map.of("sku", "X", "price", "6")))))
                .then().body("errors", nullValue()).body("data.upsertPriceList.effectivePriority", equalTo(200));
    }

    @Test
    void channelCatalogShowsOnlyPricedProducts() {
        PricingFixture f = new PricingFixture();
        String ch = f.channel("A1", "AGENT");
        String other = f.channel("A2", "AGENT");
        for (String sku : List.of("C-1", "C-2", "C-3", "C-4")) {
            f.product(sku, null, sku.equals("C-4") ? "cups" : "tea");
        }
        f.priceList("AG", Map.of("channelIds", List.of(ch)), null, "C-1", "10", "C-2", "20", "C-4", "40");
        f.priceList("OTHER", Map.of("channelIds", List.of(other)), null, "C-3", "30");
        Api.as(f.admin).get("/api/v1/channels/" + ch + "/catalog").then().statusCode(200)
                .body("items.sku", equalTo(List.of("C-1", "C-2", "C-4"))).body("items[1].unitPrice", equalTo("20.00"))
                .body("items[1].priceListCode", equalTo("AG"));
        Api.as(f.admin).get("/api/v1/channels/" + ch + "/catalog?limit=2").then().body("items", hasSize(2))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
        Api.as(f.admin).get("/api/v1/channels/" + ch + "/catalog?category=cups").then().body("items.sku", equalTo(List.of("C-4")));
        Api.as(f.admin).get("/api/v1/channels/" + ch + "/catalog?q=c-2").then().body("items.sku", equalTo(List.of("C-2")));
        Api.as(f.admin).get("/api/v1/channels/" + other + "/catalog").then().body("items.sku", equalTo(List.of("C-3")));
        Api.as(f.admin).get("/api/v1/channels/" + java.util.UUID.randomUUID() + "/catalog").then().statusCode(404);
        Api.as(f.admin).get("/api/v1/channels/x/catalog").then().statusCode(404);
    }

    @Test
    void graphqlCatalogPageIsBatched() {
        PricingFixture f = new PricingFixture();
        String ch = f.channel("M1", "MINI_PROGRAM");
        StringBuilder mutation = new StringBuilder("mutation {");
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            mutation.append(" p").append(i).append(": createProduct(input: {sku: \"G-").append(i).append("\", name: \"G\"}) { id }");
            entries.add(Map.of("sku", "G-" + i, "price", String.valueOf(10 + i)));
        }
        Api.graphql(f.admin, mutation.append(" }").toString()).then().body("errors", nullValue());
        Api.as(f.admin).body(Map.of("code", "BASE", "name", "b", "entries", entries)).post("/api/v1/price-lists").then().statusCode(201);
        String query = "query($c: ID, $n: Int) { products(channelId: $c, first: $n) { edges { node { sku "
                + "price(quantity: 2) { unitPrice priceListCode explanation } } } pageInfo { hasNextPage } } }";
        Api.graphql(f.admin, query, Map.of("c", ch, "n", 5)).then().body("errors", nullValue()); // loads the pricing headers
        long before = SqlCounter.current();
        Api.graphql(f.admin, query, Map.of("c", ch, "n", 5)).then().body("errors", nullValue());
        long five = SqlCounter.current() - before;
        before = SqlCounter.current();
        JsonPath page = Api.graphql(f.admin, query, Map.of("c", ch, "n", 50)).then().body("errors", nullValue()).extract().jsonPath();
        long fifty = SqlCounter.current() - before;
        assertEquals(five, fifty, "a page of 50 with prices costs the same statements as a page of 5");
        assertEquals(2, fifty, "the page, then the prices of all its products");
        assertEquals(50, page.getList("data.products.edges").size());
        assertEquals(true, page.getBoolean("data.products.pageInfo.hasNextPage"));
        assertEquals("BASE", page.getString("data.products.edges[3].node.price.priceListCode"));
        assertEquals("13.00", page.getString("data.products.edges[3].node.price.unitPrice"));
        // the price field also takes an explicit channel, and REST gives the same number
        Api.graphql(f.admin, "query($c: ID) { product(sku: \"G-3\") { price(channelId: $c) { unitPrice } } }", Map.of("c", ch))
                .then().body("errors", nullValue()).body("data.product.price.unitPrice", equalTo("13.00"));
        Api.as(f.admin).body(quote(ch, "G-3", 2)).post("/api/v1/prices/quote").then().body("lines[0].unitPrice", equalTo("13.00"));
    }
}
