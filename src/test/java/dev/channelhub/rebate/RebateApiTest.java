package dev.channelhub.rebate;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rebate programmes through the API with hand-computed data: payments are placed in the previous month (tenant zone
 * Asia/Shanghai), refunds happen now (this month), so the figures do not depend on today's date.
 */
@QuarkusTest
class RebateApiTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final YearMonth THIS_MONTH = YearMonth.now(ZONE);
    private static final YearMonth LAST_MONTH = THIS_MONTH.minusMonths(1);
    /** The 10th of last month, noon in the tenant zone. */
    private static final String IN_LAST_MONTH = LAST_MONTH.atDay(10).atTime(12, 0).atZone(ZONE).toInstant().toString();

    @Inject
    Db db;

    /** A tenant with products A, B, C at 100.00 (C in category TOOLS), stock, and a base price list. */
    static final class Shop {
        final String tenant = Tokens.newTenant();
        final String admin = Tokens.token(tenant, "admin");
        final String manager = Tokens.token(tenant, "manager");
        final String sales = Tokens.token(tenant, "sales");

        Shop() {
            Api.as(admin).body(Map.of("code", "WH", "name", "Warehouse", "type", "WAREHOUSE", "priority", 10))
                    .post("/api/v1/locations").then().statusCode(201);
            List<Map<String, Object>> entries = new ArrayList<>();
            for (String sku : List.of("A", "B", "C")) {
                Map<String, Object> product = new HashMap<>(Map.of("sku", sku, "name", "Product " + sku));
                if (sku.equals("C")) {
                    product.put("category", "TOOLS");
                }
                Api.as(admin).body(product).post("/api/v1/products").then().statusCode(201);
                entries.add(Map.of("sku", sku, "price", "100.00"));
                Api.as(admin).body(Map.of("onHand", 100000)).put("/api/v1/stock/WH/" + sku).then().statusCode(200);
            }
            Api.as(admin).body(Map.of("code", "BASE", "name", "Base", "currency", "CNY", "entries", entries))
                    .post("/api/v1/price-lists").then().statusCode(201);
        }

        /** An ACTIVE distributor (partners start APPLIED and cannot order before). */
        String channel(String code) {
            String id = Api.as(admin).body(Map.of("code", code, "name", code, "type", "DISTRIBUTOR")).post("/api/v1/channels")
                    .then().statusCode(201).extract().path("id");
            Api.as(admin).body(Map.of("to", "ACTIVE")).post("/api/v1/channels/" + id + "/transition").then().statusCode(200);
            return id;
        }

        /** A confirmed order on {@code channel}: {@code skuQty} pairs, lines in that order. */
        String order(String channel, Object... skuQty) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int i = 0; i < skuQty.length; i += 2) {
                lines.add(Map.of("sku", skuQty[i], "quantity", skuQty[i + 1]));
            }
            String id = Api.as(sales).body(Map.of("channelId", channel, "lines", lines)).post("/api/v1/orders")
                    .then().statusCode(201).extract().path("id");
            Api.as(sales).post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
            return id;
        }

        Response pay(String order, String amount, String method, String receivedAt) {
            Map<String, Object> body = new HashMap<>(Map.of("amount", amount, "method", method));
            if (receivedAt != null) {
                body.put("receivedAt", receivedAt);
            }
            return Api.as(sales).body(body).post("/api/v1/orders/" + order + "/payments");
        }

        /** An order of 60 units of A (6000.00) with {@code amount} paid last month. */
        void paidLastMonth(String channel, String amount) {
            pay(order(channel, "A", 60), amount, "BANK_TRANSFER", IN_LAST_MONTH).then().statusCode(201);
        }

        String program(String code, Map<String, Object> extra) {
            Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Programme " + code,
                    "validFrom", LAST_MONTH.minusMonths(1).atDay(1).toString(), "validTo", THIS_MONTH.plusMonths(1).atEndOfMonth().toString(),
                    "period", "MONTH",
                    "tiers", List.of(Map.of("minRevenue", "5000.00", "percent", "5"), Map.of("minRevenue", "1000.00", "percent", "2"))));
            body.putAll(extra);
            return Api.as(manager).body(body).post("/api/v1/rebate-programs").then().statusCode(201).extract().path("id");
        }

        Response preview(String token, String program, YearMonth period) {
            return Api.as(token).get("/api/v1/rebate-programs/" + program + "/preview?period=" + period);
        }

        Response settle(String token, String program, YearMonth period) {
            return Api.as(token).body(Map.of("period", period.toString())).post("/api/v1/rebate-programs/" + program + "/settle");
        }

        String balance(String channel) {
            return Api.as(admin).get("/api/v1/channels/" + channel + "/rebate-balance").then().statusCode(200).extract().path("balance");
        }
    }

    @Test
    void everyTierBoundaryJustBelowAtAndAbove() {
        Shop s = new Shop();
        String[][] cases = {
                // eligible revenue, tier, percent, rebate (tiers: 1000.00 → 2 %, 5000.00 → 5 %)
                {"999.99", null, "0", "0.00"},
                {"1000.00", "1000.00", "2", "20.00"},
                {"1000.01", "1000.00", "2", "20.00"},
                {"4999.99", "1000.00", "2", "100.00"},   // 99.9998 → 100.00
                {"5000.00", "5000.00", "5", "250.00"},
                {"5000.01", "5000.00", "5", "250.00"},   // 250.0005 → 250.00
                {"5000.10", "5000.00", "5", "250.01"}};  // 250.005 → 250.01 (half-up)
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            String ch = s.channel("T" + i);
            ids.add(ch);
            s.paidLastMonth(ch, cases[i][0]);
        }
        String program = s.program("TIERS", Map.of("scope", Map.of("channelIds", ids)));

        Response preview = s.preview(s.manager, program, LAST_MONTH);
        preview.then().statusCode(200).body("rows", hasSize(cases.length)).body("settled", equalTo(false));
        for (int i = 0; i < cases.length; i++) {
            String row = "rows.find { it.channelId == '" + ids.get(i) + "' }.";
            preview.then().body(row + "eligibleRevenue", equalTo(cases[i][0]))
                    .body(row + "tier", cases[i][1] == null ? nullValue() : equalTo(cases[i][1]))
                    .body(row + "rebate", equalTo(cases[i][3]));
            assertEquals(0, new java.math.BigDecimal(cases[i][2]).compareTo(new java.math.BigDecimal(preview.path(row + "percent").toString())),
                    "percent of " + cases[i][0]);
        }
        // The preview wrote nothing.
        assertEquals(0, count("select count(*) from rebate_ledger where tenant_id = $1", s.tenant));
        assertEquals("0.00", s.balance(ids.get(4)));

        s.settle(s.manager, program, LAST_MONTH).then().statusCode(201).body("rows", hasSize(cases.length));
        for (int i = 0; i < cases.length; i++) {
            assertEquals(cases[i][3], s.balance(ids.get(i)), "balance of " + cases[i][0]);
        }
        s.preview(s.manager, program, LAST_MONTH).then().statusCode(200).body("settled", equalTo(true));
        assertEquals(cases.length, count("select count(*) from event_outbox where tenant_id = $1 and type = 'rebate.settled'", s.tenant));
    }

    @Test
    void aPaymentIsSpreadOverItsLinesByLineTotalRoundedPerLineWithTheRemainderOnTheLast() {
        Shop s = new Shop();
        String ch = s.channel("SPREAD");
        // Lines A, B, C at 100.00 each; 100.01 paid: A 33.34, B 33.34, C (last) 100.01 - 66.68 = 33.33.
        s.pay(s.order(ch, "A", 1, "B", 1, "C", 1), "100.01", "BANK_TRANSFER", IN_LAST_MONTH).then().statusCode(201);
        // Lines A, B at 100.00; 0.01 paid: A 0.005 → 0.01 (half-up), B (last) 0.00.
        String other = s.channel("HALF");
        s.pay(s.order(other, "A", 1, "B", 1), "0.01", "BANK_TRANSFER", IN_LAST_MONTH).then().statusCode(201);
        Map<String, Object> scope = Map.of("channelIds", List.of(ch, other));

        String onlyA = s.program("ONLY-A", Map.of("scope", scope, "skus", List.of("A")));
        String onlyC = s.program("ONLY-C", Map.of("scope", scope, "categories", List.of("TOOLS")));
        String onlyB = s.program("ONLY-B", Map.of("scope", scope, "skus", List.of("B")));
        String all = s.program("ALL", Map.of("scope", scope));

        assertEquals("33.34", eligible(s, onlyA, ch));
        assertEquals("33.33", eligible(s, onlyC, ch));
        assertEquals("100.01", eligible(s, all, ch));
        assertEquals("0.01", eligible(s, onlyA, other));
        assertEquals("0.00", eligible(s, onlyB, other));
    }

    private static String eligible(Shop s, String program, String channel) {
        return s.preview(s.manager, program, LAST_MONTH).then().statusCode(200).extract()
                .path("rows.find { it.channelId == '" + channel + "' }.eligibleRevenue");
    }

    @Test
    void settlingTwiceIs409AndConcurrentSettlesWriteOneRowPerChannel() throws Exception {
        Shop s = new Shop();
        String a = s.channel("CA");
        String b = s.channel("CB");
        s.paidLastMonth(a, "2000.00");
        s.paidLastMonth(b, "6000.00");
        String program = s.program("ONCE", Map.of("scope", Map.of("channelIds", List.of(a, b))));

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String token = i % 2 == 0 ? s.manager : s.admin;
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return s.settle(token, program, LAST_MONTH).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).sorted().toList();
        assertEquals(List.of(201, 409, 409, 409), statuses);
        assertEquals(2, count("select count(*) from rebate_ledger where tenant_id = $1 and kind = 'SETTLEMENT'", s.tenant));
        assertEquals("40.00", s.balance(a));
        assertEquals("300.00", s.balance(b));

        s.settle(s.manager, program, LAST_MONTH).then().statusCode(409).body("code", equalTo("ALREADY_SETTLED"));
        Api.graphql(s.manager, "mutation($id: ID!, $p: String!) { settleRebateProgram(id: $id, input: {period: $p}) { period } }",
                        Map.of("id", program, "p", LAST_MONTH.toString()))
                .then().body("errors[0].extensions.code", equalTo("ALREADY_SETTLED"));
        assertEquals("40.00", s.balance(a));
        Api.as(s.admin).get("/api/v1/channels/" + a + "/rebate-ledger").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].kind", equalTo("SETTLEMENT")).body("items[0].amount", equalTo("40.00"))
                .body("items[0].period", equalTo(LAST_MONTH.toString())).body("items[0].eligibleRevenue", equalTo("2000.00"));
    }

    @Test
    void rebatePaymentsDrawTheBalanceAndNeverOverdrawIt() throws Exception {
        Shop s = new Shop();
        String ch = s.channel("DRAW");
        s.paidLastMonth(ch, "5000.00");
        String program = s.program("DRAW", Map.of("scope", Map.of("channelIds", List.of(ch))));
        s.settle(s.manager, program, LAST_MONTH).then().statusCode(201);
        assertEquals("250.00", s.balance(ch));

        String order = s.order(ch, "B", 5);
        s.pay(order, "250.01", "REBATE", null).then().statusCode(422).body("code", equalTo("INSUFFICIENT_REBATE_BALANCE"));
        Api.as(s.sales).get("/api/v1/orders/" + order).then().statusCode(200).body("paymentStatus", equalTo("UNPAID"));
        assertEquals("250.00", s.balance(ch));

        // Two concurrent draws of 150.00 against 250.00 on two orders: exactly one succeeds.
        String other = s.order(ch, "B", 5);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (String o : List.of(order, other)) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return s.pay(o, "150.00", "REBATE", null).statusCode();
            }));
        }
        start.countDown();
        assertEquals(List.of(201, 422), calls.stream().map(CompletableFuture::join).sorted().toList());
        assertEquals("100.00", s.balance(ch));

        s.pay(other, "100.00", "REBATE", null).then().statusCode(201);
        assertEquals("0.00", s.balance(ch));
        s.pay(other, "0.01", "REBATE", null).then().statusCode(422).body("code", equalTo("INSUFFICIENT_REBATE_BALANCE"));
        Api.graphql(s.sales, "mutation($id: ID!) { recordPayment(id: $id, input: {amount: \"0.01\", method: \"REBATE\"}) { amount } }",
                        Map.of("id", other))
                .then().body("errors[0].extensions.code", equalTo("INSUFFICIENT_REBATE_BALANCE"));
        Api.as(s.admin).get("/api/v1/channels/" + ch + "/rebate-ledger").then().statusCode(200)
                .body("items", hasSize(3)).body("items[1].kind", equalTo("DRAW")).body("items[1].amount", equalTo("-150.00"))
                .body("items[2].amount", equalTo("-100.00"));
    }

    @Test
    void refundsOfSettledRevenueAreClawedBackInTheNextSettlement() {
        Shop s = new Shop();
        String ch = s.channel("CLAW");
        // 20 units of A (2000.00), shipped and paid last month: 2 % → 40.00.
        String order = s.order(ch, "A", 20);
        Api.as(s.sales).body(Map.of("lines", List.of(Map.of("sku", "A", "quantity", 20)))).post("/api/v1/orders/" + order + "/shipments")
                .then().statusCode(201);
        s.pay(order, "2000.00", "BANK_TRANSFER", IN_LAST_MONTH).then().statusCode(201);
        String program = s.program("CLAW", Map.of("scope", Map.of("channelIds", List.of(ch))));
        s.settle(s.manager, program, LAST_MONTH).then().statusCode(201);
        assertEquals("40.00", s.balance(ch));

        // 5 units come back and 500.00 is refunded this month: this month's eligible revenue is -500.00, clawed back at the
        // 2 % the channel was paid at: -10.00.
        String ret = Api.as(s.sales).body(Map.of("orderId", order, "lines", List.of(Map.of("sku", "A", "quantity", 5, "reason", "DEFECTIVE"))))
                .post("/api/v1/returns").then().statusCode(201).extract().path("id");
        Api.as(s.manager).post("/api/v1/returns/" + ret + "/approve").then().statusCode(200);
        Api.as(s.sales).body(Map.of("locationCode", "WH", "lines", List.of(Map.of("sku", "A", "quantity", 5, "disposition", "RESTOCK"))))
                .post("/api/v1/returns/" + ret + "/receive").then().statusCode(200);
        Api.as(s.sales).body(Map.of("method", "BANK_TRANSFER")).post("/api/v1/returns/" + ret + "/refund").then().statusCode(200);

        s.preview(s.manager, program, THIS_MONTH).then().statusCode(200)
                .body("rows[0].eligibleRevenue", equalTo("-500.00")).body("rows[0].tier", nullValue())
                .body("rows[0].rebate", equalTo("-10.00"));
        s.settle(s.manager, program, THIS_MONTH).then().statusCode(201).body("rows[0].rebate", equalTo("-10.00"));
        assertEquals("30.00", s.balance(ch));

        // The scorecard's rebateAccrued: settlements of the periods in the scorecard's period.
        Api.as(s.manager).get("/api/v1/analytics/channels/" + ch + "/scorecard?from=" + LAST_MONTH.atDay(1) + "&to=" + LAST_MONTH.atEndOfMonth())
                .then().statusCode(200).body("rebateAccrued", equalTo("40.00"));
        Api.as(s.manager).get("/api/v1/analytics/channels/" + ch + "/scorecard?from=" + LAST_MONTH.atDay(1) + "&to=" + THIS_MONTH.atEndOfMonth())
                .then().statusCode(200).body("rebateAccrued", equalTo("30.00"));
    }

    @Test
    void partnersSeeOnlyTheirOwnAndMayNotCreateOrSettle() {
        Shop s = new Shop();
        String mine = s.channel("MINE");
        String theirs = s.channel("THEIRS");
        s.paidLastMonth(mine, "1000.00");
        s.paidLastMonth(theirs, "5000.00");
        String both = s.program("BOTH", Map.of("scope", Map.of("channelIds", List.of(mine, theirs))));
        String onlyTheirs = s.program("THEIRS", Map.of("scope", Map.of("channelIds", List.of(theirs))));
        s.settle(s.manager, both, LAST_MONTH).then().statusCode(201);
        String partner = Tokens.partner(s.tenant, mine);

        // Own: balance, ledger, own row of a programme it is in, /me/rebates.
        Api.as(partner).get("/api/v1/channels/" + mine + "/rebate-balance").then().statusCode(200).body("balance", equalTo("20.00"))
                .body("currency", equalTo("CNY"));
        Api.as(partner).get("/api/v1/channels/" + mine + "/rebate-ledger").then().statusCode(200).body("items", hasSize(1));
        s.preview(partner, both, LAST_MONTH).then().statusCode(200).body("rows", hasSize(1))
                .body("rows[0].channelId", equalTo(mine)).body("rows[0].rebate", equalTo("20.00"));
        Api.as(partner).get("/api/v1/me/rebates").then().statusCode(200).body("channelId", equalTo(mine))
                .body("balance", equalTo("20.00")).body("ledger", hasSize(1))
                .body("previews.programId", equalTo(List.of(both)))
                .body("previews[0].period", equalTo(THIS_MONTH.toString()));
        Api.graphql(partner, "{ myRebates { balance previews { code row { channelId } } } }")
                .then().body("data.myRebates.balance", equalTo("20.00")).body("data.myRebates.previews[0].code", equalTo("BOTH"));

        // Another partner's things: 404 on both faces.
        Api.as(partner).get("/api/v1/channels/" + theirs + "/rebate-balance").then().statusCode(404);
        Api.as(partner).get("/api/v1/channels/" + theirs + "/rebate-ledger").then().statusCode(404);
        s.preview(partner, onlyTheirs, LAST_MONTH).then().statusCode(404);
        Api.as(partner).get("/api/v1/rebate-programs/" + onlyTheirs).then().statusCode(404);
        Api.graphql(partner, "query($c: ID!) { rebateBalance(channelId: $c) { balance } }", Map.of("c", theirs))
                .then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(partner, "query($id: ID!, $p: String!) { rebatePreview(id: $id, period: $p) { rows { rebate } } }",
                Map.of("id", onlyTheirs, "p", LAST_MONTH.toString())).then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));

        // A partner may not create or settle.
        Api.as(partner).body(Map.of("code", "P", "name", "p", "validFrom", "2026-01-01", "validTo", "2026-12-31", "period", "MONTH",
                "tiers", List.of(Map.of("minRevenue", "0", "percent", "1")))).post("/api/v1/rebate-programs").then().statusCode(403);
        s.settle(partner, both, THIS_MONTH).then().statusCode(403);
        s.settle(partner, onlyTheirs, THIS_MONTH).then().statusCode(404);
        Api.as(s.sales).body(Map.of("period", THIS_MONTH.toString())).post("/api/v1/rebate-programs/" + both + "/settle").then().statusCode(403);

        // Another tenant sees nothing.
        String stranger = Tokens.token(Tokens.newTenant(), "admin");
        Api.as(stranger).get("/api/v1/rebate-programs/" + both).then().statusCode(404);
        Api.as(stranger).get("/api/v1/channels/" + mine + "/rebate-balance").then().statusCode(404);
        s.settle(stranger, both, THIS_MONTH).then().statusCode(404);
        Api.as(s.sales).get("/api/v1/channels/" + mine + "/rebate-balance").then().statusCode(200).body("balance", equalTo("20.00"));
        Api.as(partner).get("/api/v1/me/rebates").then().statusCode(200);
        Api.as(s.manager).get("/api/v1/me/rebates").then().statusCode(403);
    }

    @Test
    @InvalidRequests("bad periods, bad tiers, bad dates")
    void badInputIs400AndChangesNothing() {
        Shop s = new Shop();
        String ch = s.channel("Q");
        String quarterly = s.program("QTR", Map.of("scope", Map.of("channelIds", List.of(ch)), "period", "QUARTER"));
        int q = (LAST_MONTH.getMonthValue() - 1) / 3 + 1;
        s.preview(s.manager, quarterly, LAST_MONTH).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("period"));
        Api.as(s.manager).get("/api/v1/rebate-programs/" + quarterly + "/preview?period=" + LAST_MONTH.getYear() + "-Q" + q)
                .then().statusCode(200).body("rows", hasSize(1));
        String monthly = s.program("MON", Map.of("scope", Map.of("channelIds", List.of(ch))));
        Api.as(s.manager).get("/api/v1/rebate-programs/" + monthly + "/preview?period=2026-13").then().statusCode(400);
        Api.as(s.manager).get("/api/v1/rebate-programs/" + monthly + "/preview?period=1999-01").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
        Api.as(s.manager).body(Map.of("period", "1999-01")).post("/api/v1/rebate-programs/" + monthly + "/settle").then().statusCode(400);
        Map<String, Object> base = Map.of("code", "BAD", "name", "b", "validFrom", "2026-02-01", "validTo", "2026-01-01", "period", "MONTH",
                "tiers", List.of(Map.of("minRevenue", "0", "percent", "1")));
        Api.as(s.manager).body(base).post("/api/v1/rebate-programs").then().statusCode(400).body("errors[0].field", equalTo("validTo"));
        Map<String, Object> twoTiers = new HashMap<>(base);
        twoTiers.put("validTo", "2026-12-31");
        twoTiers.put("tiers", List.of(Map.of("minRevenue", "10", "percent", "1"), Map.of("minRevenue", "10.00", "percent", "2")));
        Api.as(s.manager).body(twoTiers).post("/api/v1/rebate-programs").then().statusCode(400).body("errors[0].field", equalTo("tiers"));
        Map<String, Object> overHundred = new HashMap<>(twoTiers);
        overHundred.put("tiers", List.of(Map.of("minRevenue", "10", "percent", "100.5")));
        Api.as(s.manager).body(overHundred).post("/api/v1/rebate-programs").then().statusCode(400);
        Map<String, Object> badScope = new HashMap<>(twoTiers);
        badScope.put("tiers", List.of(Map.of("minRevenue", "10", "percent", "1")));
        badScope.put("scope", Map.of("channelIds", List.of("not-a-uuid")));
        Api.as(s.manager).body(badScope).post("/api/v1/rebate-programs").then().statusCode(400);
        Api.as(s.manager).body(Map.of("code", "MON", "name", "dup", "validFrom", "2026-01-01", "validTo", "2026-12-31", "period", "MONTH",
                "tiers", List.of(Map.of("minRevenue", "0", "percent", "1")))).post("/api/v1/rebate-programs").then().statusCode(409)
                .body("code", equalTo("DUPLICATE"));
        assertEquals(2, count("select count(*) from rebate_program where tenant_id = $1", s.tenant));
        assertEquals(0, count("select count(*) from rebate_settlement where tenant_id = $1", s.tenant));
    }

    private long count(String sql, String tenant) {
        return db.pool().preparedQuery(sql).execute(Tuple.of(tenant)).await().indefinitely().iterator().next().getLong(0);
    }
}
