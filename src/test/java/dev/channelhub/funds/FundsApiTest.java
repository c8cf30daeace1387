package dev.channelhub.funds;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Market-fund budgets and expense claims (API-CONTRACT-2 §8) through REST and GraphQL. */
@QuarkusTest
class FundsApiTest {

    @Inject
    Db db;

    /** A tenant with two partner channels (A, B) and its staff tokens. */
    static final class Fixture {
        final String tenant = Tokens.newTenant();
        final String admin = Tokens.token(tenant, "admin");
        final String manager = Tokens.token(tenant, "manager");
        final String sales = Tokens.token(tenant, "sales");
        final String integration = Tokens.token(tenant, "integration");
        final String chA = channel("FA");
        final String chB = channel("FB");
        final String partnerA = Tokens.partner(tenant, chA);
        final String partnerB = Tokens.partner(tenant, chB);

        private String channel(String code) {
            return Api.as(admin).body(Map.of("code", code, "name", code, "type", "DISTRIBUTOR")).post("/api/v1/channels")
                    .then().statusCode(201).extract().path("id");
        }

        Response setBudget(String token, String channel, String period, String amount) {
            return Api.as(token).body(Map.of("amount", amount)).put("/api/v1/channels/" + channel + "/fund-budgets/" + period);
        }

        Response budget(String token, String channel, String period) {
            return Api.as(token).get("/api/v1/channels/" + channel + "/fund-budgets/" + period);
        }

        Response submit(String token, String channel, String period, String amount) {
            return Api.as(token).body(claim(channel, period, amount)).post("/api/v1/expense-claims");
        }

        String claimId(String token, String channel, String period, String amount) {
            return submit(token, channel, period, amount).then().statusCode(201).body("status", equalTo("SUBMITTED"))
                    .extract().path("id");
        }

        Response approve(String token, String id) {
            return Api.as(token).post("/api/v1/expense-claims/" + id + "/approve");
        }

        Response reject(String token, String id, String reason) {
            return Api.as(token).body(Map.of("reason", reason)).post("/api/v1/expense-claims/" + id + "/reject");
        }
    }

    static Map<String, Object> claim(String channel, String period, String amount) {
        Map<String, Object> b = new HashMap<>();
        b.put("channelId", channel);
        b.put("period", period);
        b.put("category", "DISPLAY");
        b.put("amount", amount);
        b.put("description", "Shelf display in 12 stores");
        return b;
    }

    @Test
    void approvalsUseTheBudgetUpToExactlyItsAmountAndNotOneCentMore() {
        Fixture f = new Fixture();
        f.setBudget(f.manager, f.chA, "2026-Q4", "1000.00").then().statusCode(200).header("ETag", "\"1\"")
                .body("amount", equalTo("1000.00")).body("approved", equalTo("0.00")).body("remaining", equalTo("1000.00"))
                .body("currency", equalTo("CNY")).body("period", equalTo("2026-Q4")).body("version", equalTo(1));
        String c600 = f.claimId(f.partnerA, f.chA, "2026-Q4", "600.00");
        String c400 = f.claimId(f.sales, f.chA, "2026-Q4", "400");
        String cent = f.claimId(f.partnerA, f.chA, "2026-Q4", "0.01");
        String rejected = f.claimId(f.partnerA, f.chA, "2026-Q4", "50.00");

        f.approve(f.manager, c600).then().statusCode(200).body("status", equalTo("APPROVED")).body("decidedAt", not(nullValue()))
                .body("amount", equalTo("600.00"));
        f.budget(f.partnerA, f.chA, "2026-Q4").then().statusCode(200).body("approved", equalTo("600.00")).body("remaining", equalTo("400.00"));
        // Up to exactly the budget is allowed...
        f.approve(f.admin, c400).then().statusCode(200).body("status", equalTo("APPROVED"));
        f.budget(f.manager, f.chA, "2026-Q4").then().body("approved", equalTo("1000.00")).body("remaining", equalTo("0.00"));
        // ...one cent more is not, and the refused approval changes nothing.
        f.approve(f.manager, cent).then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("BUDGET_EXCEEDED"));
        Api.as(f.manager).get("/api/v1/expense-claims/" + cent).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        // A budget is never set below what approved claims use; raising it lets the cent through.
        f.setBudget(f.manager, f.chA, "2026-Q4", "999.99").then().statusCode(422).body("code", equalTo("BUDGET_EXCEEDED"));
        f.setBudget(f.manager, f.chA, "2026-Q4", "1000.01").then().statusCode(200).body("version", equalTo(2))
                .body("approved", equalTo("1000.00")).body("remaining", equalTo("0.01"));
        f.approve(f.manager, cent).then().statusCode(200);
        f.reject(f.manager, rejected, "no receipt").then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectReason", equalTo("no receipt"));
        f.budget(f.manager, f.chA, "2026-Q4").then().body("approved", equalTo("1000.01")).body("remaining", equalTo("0.00"));

        // A decided claim is decided for good.
        f.approve(f.manager, c600).then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        f.reject(f.manager, c600, "late").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        f.approve(f.manager, rejected).then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));

        // A claim of another period is charged to that period's budget (none set: 0), not to 2026-Q4's.
        String otherPeriod = f.claimId(f.partnerA, f.chA, "2026-11", "1.00");
        f.approve(f.manager, otherPeriod).then().statusCode(422).body("code", equalTo("BUDGET_EXCEEDED"));
        f.budget(f.manager, f.chA, "2026-11").then().statusCode(404).body("code", equalTo("NOT_FOUND"));

        // Every approval wrote its FUNDS cost, dated the first day of the period; the rejected and refused ones none.
        List<Row> costs = rows("select expense_claim_id, amount, cost_date, category, currency from channel_cost "
                + "where tenant_id = $1 and channel_id = $2 order by amount", f.tenant, java.util.UUID.fromString(f.chA));
        assertEquals(3, costs.size());
        assertEquals(List.of(cent, c400, c600), costs.stream().map(r -> r.getUUID("expense_claim_id").toString()).toList());
        assertEquals(List.of("0.0100", "400.0000", "600.0000"), costs.stream().map(r -> r.getBigDecimal("amount").toPlainString()).toList());
        costs.forEach(r -> {
            assertEquals(LocalDate.of(2026, 10, 1), r.getLocalDate("cost_date"));
            assertEquals("FUNDS", r.getString("category"));
            assertEquals("CNY", r.getString("currency"));
        });
        assertEquals(3, count("select count(*) from event_outbox where tenant_id = $1 and type = $2", f.tenant, "expenseClaim.approved"));
        assertEquals(1, count("select count(*) from event_outbox where tenant_id = $1 and type = $2", f.tenant, "expenseClaim.rejected"));
        assertEquals(5, count("select count(*) from event_outbox where tenant_id = $1 and type = $2", f.tenant, "expenseClaim.submitted"));
        assertEquals(2, count("select count(*) from event_outbox where tenant_id = $1 and type = $2", f.tenant, "fundBudget.set"));
    }

    @Test
    void twoConcurrentApprovalsThatTogetherExceedTheBudgetLetOnlyOneThrough() throws Exception {
        Fixture f = new Fixture();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int month = 1; month <= 8; month++) {
                String period = "2027-%02d".formatted(month);
                f.setBudget(f.manager, f.chA, period, "100.00").then().statusCode(200);
                String first = f.claimId(f.partnerA, f.chA, period, "60.00");
                String second = f.claimId(f.partnerA, f.chA, period, "60.00");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (String id : List.of(first, second)) {
                    Callable<Integer> approve = () -> {
                        var request = Api.as(f.manager);
                        start.await();
                        return request.post("/api/v1/expense-claims/" + id + "/approve").statusCode();
                    };
                    answers.add(pool.submit(approve));
                }
                start.countDown();
                List<Integer> codes = new ArrayList<>(List.of(answers.get(0).get(), answers.get(1).get()));
                codes.sort(null);
                assertEquals(List.of(200, 422), codes, period);
                f.budget(f.manager, f.chA, period).then().body("approved", equalTo("60.00")).body("remaining", equalTo("40.00"));
                assertEquals(1, count("select count(*) from channel_cost where tenant_id = $1 and cost_date = $2",
                        f.tenant, LocalDate.of(2027, month, 1)), period);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void partnersClaimForAndReadOnlyTheirOwnChannelAndNeverDecide() {
        Fixture f = new Fixture();
        f.setBudget(f.admin, f.chA, "2026", "500.00").then().statusCode(200);
        f.setBudget(f.admin, f.chB, "2026", "700.00").then().statusCode(200);
        String mine = f.claimId(f.partnerA, f.chA, "2026", "10.00");
        String theirs = f.claimId(f.partnerB, f.chB, "2026", "20.00");

        // Budgets: own 200, another channel's 404; only managers and admins set them.
        f.budget(f.partnerA, f.chA, "2026").then().statusCode(200).body("amount", equalTo("500.00"));
        f.budget(f.partnerA, f.chB, "2026").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        f.setBudget(f.partnerA, f.chA, "2026", "900.00").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        f.setBudget(f.sales, f.chA, "2026", "900.00").then().statusCode(403);
        f.setBudget(f.integration, f.chA, "2026", "900.00").then().statusCode(403);
        // Claims: another channel's claim is 404, it is missing from the list, and a partner cannot claim for it.
        Api.as(f.partnerA).get("/api/v1/expense-claims/" + theirs).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as(f.partnerA).get("/api/v1/expense-claims/" + mine).then().statusCode(200).body("channelId", equalTo(f.chA));
        Api.as(f.partnerA).get("/api/v1/expense-claims").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(mine));
        Api.as(f.partnerA).get("/api/v1/expense-claims?channelId=" + f.chB).then().statusCode(200).body("items.size()", equalTo(0));
        Api.as(f.manager).get("/api/v1/expense-claims?channelId=" + f.chB).then().statusCode(200).body("items.id", equalTo(List.of(theirs)));
        f.submit(f.partnerA, f.chB, "2026", "5.00").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("channelId"));
        f.submit(f.integration, f.chA, "2026", "5.00").then().statusCode(403);
        // Partners never decide, not even on their own claims.
        f.approve(f.partnerA, mine).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        f.reject(f.partnerA, mine, "x").then().statusCode(403);
        f.approve(f.sales, mine).then().statusCode(403);
        f.approve(f.partnerB, mine).then().statusCode(403);
        // Another tenant sees nothing; no token is 401.
        String otherTenant = Tokens.token(Tokens.newTenant(), "admin");
        Api.as(otherTenant).get("/api/v1/expense-claims/" + mine).then().statusCode(404);
        f.approve(otherTenant, mine).then().statusCode(404);
        f.budget(otherTenant, f.chA, "2026").then().statusCode(404);
        f.setBudget(otherTenant, f.chA, "2026", "1.00").then().statusCode(404);
        Api.as(null).get("/api/v1/expense-claims/" + mine).then().statusCode(401);
        Api.as(f.manager).get("/api/v1/expense-claims/" + mine).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        assertEquals(0, count("select count(*) from channel_cost where tenant_id = $1 and category = $2", f.tenant, "FUNDS"));

        // The same fences over GraphQL.
        Response gq = Api.graphql(f.partnerB, "query($id: ID!) { expenseClaim(id: $id) { id } }", Map.of("id", mine));
        assertEquals("NOT_FOUND", gq.path("errors[0].extensions.code"));
        gq = Api.graphql(f.partnerA, "mutation($id: ID!) { approveExpenseClaim(id: $id) { id } }", Map.of("id", mine));
        assertEquals("FORBIDDEN", gq.path("errors[0].extensions.code"));
        gq = Api.graphql(f.partnerA, "query($c: ID!) { fundBudget(channelId: $c, period: \"2026\") { amount } }", Map.of("c", f.chB));
        assertEquals("NOT_FOUND", gq.path("errors[0].extensions.code"));
        gq = Api.graphql(f.partnerA, "{ expenseClaims { edges { node { id channelId } } } }");
        assertEquals(List.of(mine), gq.path("data.expenseClaims.edges.node.id"));
    }

    @Test
    void bothFacesShareTheRulesAndCreatesAreIdempotent() {
        Fixture f = new Fixture();
        String set = "mutation($c: ID!) { setFundBudget(channelId: $c, period: \"2026-Q1\", input: {amount: \"80.50\"}) "
                + "{ channelId period amount approved remaining version } }";
        Response r = Api.graphql(f.manager, set, Map.of("c", f.chA));
        assertEquals("80.50", r.path("data.setFundBudget.amount"), r.asString());
        assertEquals("80.50", r.path("data.setFundBudget.remaining"));

        Map<String, Object> body = claim(f.chA, "2026-Q1", "80.50");
        body.put("attachments", List.of(Map.of("name", "invoice.pdf", "url", "https://files.example.com/inv/1.pdf")));
        Response first = Api.as(f.partnerA).header("Idempotency-Key", "claim-1").body(body).post("/api/v1/expense-claims");
        first.then().statusCode(201).body("attachments[0].url", equalTo("https://files.example.com/inv/1.pdf"))
                .body("currency", equalTo("CNY")).body("category", equalTo("DISPLAY"));
        Api.as(f.partnerA).header("Idempotency-Key", "claim-1").body(body).post("/api/v1/expense-claims").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first.path("id")));
        assertEquals(1, count("select count(*) from expense_claim where tenant_id = $1 and period = $2", f.tenant, "2026-Q1"));

        String submit = "mutation($c: ID!) { submitExpenseClaim(input: {channelId: $c, period: \"2026-Q1\", category: EVENT, "
                + "amount: \"0.01\", description: \"Roadshow\"}) { id status amount } }";
        Response second = Api.graphql(f.partnerA, submit, Map.of("c", f.chA));
        assertEquals("SUBMITTED", second.path("data.submitExpenseClaim.status"), second.asString());
        String approve = "mutation($id: ID!) { approveExpenseClaim(id: $id) { status } }";
        assertEquals("APPROVED", Api.graphql(f.manager, approve, Map.of("id", first.path("id"))).path("data.approveExpenseClaim.status"));
        Response over = Api.graphql(f.manager, approve, Map.of("id", second.path("data.submitExpenseClaim.id")));
        assertEquals("BUDGET_EXCEEDED", over.path("errors[0].extensions.code"), over.asString());
        Response reject = Api.graphql(f.manager, "mutation($id: ID!) { rejectExpenseClaim(id: $id, input: {reason: \"over budget\"}) "
                + "{ status rejectReason } }", Map.of("id", second.path("data.submitExpenseClaim.id")));
        assertEquals("REJECTED", reject.path("data.rejectExpenseClaim.status"), reject.asString());
        Response read = Api.graphql(f.partnerA, "query($c: ID!) { fundBudget(channelId: $c, period: \"2026-Q1\") { approved remaining } "
                + "expenseClaims(status: REJECTED, period: \"2026-Q1\") { edges { node { rejectReason } } } }", Map.of("c", f.chA));
        assertEquals("80.50", read.path("data.fundBudget.approved"), read.asString());
        assertEquals("0.00", read.path("data.fundBudget.remaining"));
        assertEquals(List.of("over budget"), read.path("data.expenseClaims.edges.node.rejectReason"));
        Api.as(f.manager).get("/api/v1/expense-claims?status=APPROVED&period=2026-Q1").then().statusCode(200)
                .body("items.id", equalTo(List.of(first.path("id").toString())));
    }

    @Test
    @InvalidRequests("malformed periods, amounts, categories and attachments, to see 400 and nothing written")
    void badInputIsAProblemAndWritesNothing() {
        Fixture f = new Fixture();
        f.setBudget(f.manager, f.chA, "2026-13", "10").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("period"));
        f.setBudget(f.manager, f.chA, "2026-Q5", "10").then().statusCode(400);
        f.setBudget(f.manager, f.chA, "2026", "-1").then().statusCode(400).body("errors.field", hasItem("amount"));
        f.setBudget(f.manager, f.chA, "2026", "10.001").then().statusCode(400).body("errors.field", hasItem("amount"));
        f.setBudget(f.manager, "not-a-uuid", "2026", "10").then().statusCode(404);
        f.setBudget(f.manager, java.util.UUID.randomUUID().toString(), "2026", "10").then().statusCode(404);
        f.budget(f.manager, f.chA, "last-year").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        Api.as(f.manager).body("{\"amount\": }").put("/api/v1/channels/" + f.chA + "/fund-budgets/2026").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));

        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(claim(f.chA, "2026-00", "1.00"));
        bad.add(claim(f.chA, "2026", "0"));
        bad.add(claim(f.chA, "2026", "-5.00"));
        bad.add(claim(f.chA, "2026", "1.005"));
        bad.add(claim(java.util.UUID.randomUUID().toString(), "2026", "1.00"));
        bad.add(claim("nope", "2026", "1.00"));
        Map<String, Object> food = claim(f.chA, "2026", "1.00");
        food.put("category", "FOOD");
        bad.add(food);
        Map<String, Object> ftp = claim(f.chA, "2026", "1.00");
        ftp.put("attachments", List.of(Map.of("name", "x", "url", "ftp://files.example.com/x")));
        bad.add(ftp);
        Map<String, Object> blank = claim(f.chA, "2026", "1.00");
        blank.put("description", " ");
        bad.add(blank);
        Map<String, Object> noAmount = claim(f.chA, "2026", "1.00");
        noAmount.remove("amount");
        bad.add(noAmount);
        for (Map<String, Object> b : bad) {
            Api.as(f.sales).body(b).post("/api/v1/expense-claims").then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("code", equalTo("VALIDATION_FAILED"));
        }
        String id = f.claimId(f.sales, f.chA, "2026", "1.00");
        f.reject(f.manager, id, " ").then().statusCode(400).body("errors.field", hasItem("reason"));
        Api.as(f.manager).get("/api/v1/expense-claims?status=OPEN").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        Api.as(f.manager).get("/api/v1/expense-claims?period=2026-W1").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        Api.as(f.manager).get("/api/v1/expense-claims/not-a-uuid").then().statusCode(404);
        Api.as(f.manager).post("/api/v1/expense-claims/" + java.util.UUID.randomUUID() + "/approve").then().statusCode(404);
        Response gq = Api.graphql(f.manager, "mutation($c: ID!) { setFundBudget(channelId: $c, period: \"26\", input: {amount: \"1\"}) "
                + "{ amount } }", Map.of("c", f.chA));
        assertEquals("VALIDATION_FAILED", gq.path("errors[0].extensions.code"));

        assertEquals(1, count("select count(*) from expense_claim where tenant_id = $1 and description <> $2", f.tenant, ""));
        assertEquals(0, count("select count(*) from fund_budget where tenant_id = $1 and period <> $2", f.tenant, ""));
        Api.as(f.manager).get("/api/v1/expense-claims/" + id).then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    private List<Row> rows(String sql, Object... args) {
        List<Row> out = new ArrayList<>();
        db.pool().preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().forEach(out::add);
        return out;
    }

    private long count(String sql, Object... args) {
        return rows(sql, args).get(0).getLong(0);
    }
}
