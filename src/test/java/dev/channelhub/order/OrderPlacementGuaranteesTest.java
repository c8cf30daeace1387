package dev.channelhub.order;

import dev.channelhub.analytics.AnalyticsFixture;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What placement keeps while it costs fewer statements (issue 22): the sales rollups follow the outbox after the
 * order commits and then equal a rebuild from the order tables; the idempotency key is claimed by the answer's own
 * insert and a reused key still changes nothing; order numbers come from blocks, unique and rising.
 */
@QuarkusTest
class OrderPlacementGuaranteesTest {

    @Inject
    Db db;

    private long pending(String tenant) {
        return db.one("""
                        select count(*) as n from event_outbox e, sales_rollup_cursor c
                        where e.tenant_id = $1 and e.type in ('order.placed', 'order.cancelled')
                        and (e.tx_id, e.seq) > (c.cursor_tx, c.cursor_seq)""", Tuple.of(tenant), r -> r.getLong("n"))
                .await().indefinitely().orElseThrow();
    }

    /** The rollup rows as they are: nothing applied first (the feed under test does that). */
    private List<String> rollups(String tenant) {
        return AnalyticsFixture.rollupRows(db, tenant);
    }

    @Test
    void theBackgroundFeedAppliesOrdersOnceAndTheRollupsEqualARebuild() throws InterruptedException {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10.00", "B", "2.50"));
        f.stock("A", 50).stock("B", 50);
        String other = f.channel("SHOP", "MINI_PROGRAM", null);
        f.placed(OrderFixture.order(f.online, "A", 2, "B", 1));
        f.placed(OrderFixture.order(other, "A", 1));
        String cancelled = f.placed(OrderFixture.order(f.online, "B", 4));
        Api.as(f.sales).body(Map.of("reason", "changed mind")).post("/api/v1/orders/" + cancelled + "/cancel").then().statusCode(200);

        // No report is read here: only SalesRollupFeed's poll (every 500 ms in every instance) applies the events.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (pending(f.tenant) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, pending(f.tenant), "the feed applied every committed order event");
        List<String> fed = rollups(f.tenant);
        assertFalse(fed.isEmpty());
        assertTrue(fed.stream().anyMatch(r -> r.startsWith("T|D|" + other + "|") && r.contains("|1|1|10|")), fed.toString());
        db.one("select analytics_rebuild($1)", Tuple.of(f.tenant), r -> r.getLong(0)).await().indefinitely();
        assertEquals(rollups(f.tenant), fed, "rollups kept from the outbox vs analytics_rebuild from the order tables");
        // Applying again (a report catching up, another instance polling) adds nothing: each event counts once.
        AnalyticsFixture.catchUp(db);
        assertEquals(fed, rollups(f.tenant));
    }

    @Test
    void aReportShowsAnOrderCommittedJustBeforeIt() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10.00"));
        f.stock("A", 5);
        f.placed(OrderFixture.order(f.online, "A", 3));
        String manager = Tokens.token(f.tenant, "manager");
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Api.as(manager).get("/api/v1/analytics/sales?groupBy=channel&from=" + today + "&to=" + today).then().statusCode(200)
                .body("items[0].orders", org.hamcrest.Matchers.equalTo(1)).body("items[0].units", org.hamcrest.Matchers.equalTo(3));
    }

    @Test
    void aReportWaitsBrieflyForAnOlderTransactionThatHoldsBackAnOrderCommittedBeforeIt() throws Exception {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10.00"));
        f.stock("A", 5);
        String manager = Tokens.token(f.tenant, "manager");
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        // A write transaction older than the order, still open when the order commits: outbox readers hold the order's
        // event back until it ends. It ends 100 ms after the report starts, inside the catch-up's 200 ms wait.
        io.vertx.mutiny.sqlclient.SqlConnection older = db.pool().getConnection().await().indefinitely();
        try {
            older.query("begin").execute().await().indefinitely();
            older.query("select pg_current_xact_id()").execute().await().indefinitely();
            f.placed(OrderFixture.order(f.online, "A", 2));
            java.util.concurrent.CompletableFuture.runAsync(() -> older.query("commit").execute().await().indefinitely(),
                    java.util.concurrent.CompletableFuture.delayedExecutor(100, java.util.concurrent.TimeUnit.MILLISECONDS));
            Api.as(manager).get("/api/v1/analytics/sales?groupBy=channel&from=" + today + "&to=" + today).then().statusCode(200)
                    .body("items[0].orders", org.hamcrest.Matchers.equalTo(1));
        } finally {
            older.close().await().indefinitely();
        }
    }

    @Test
    void aKeyTakenByAnotherEndpointIsReuseAndTheOrderLeavesNothingBehind() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10.00"));
        f.stock("A", 5);
        Api.as(f.admin).header("Idempotency-Key", "admin-key").body(Map.of("code", "K2", "name", "K2", "type", "DIRECT"))
                .post("/api/v1/channels").then().statusCode(201);
        // The order runs at once (no claim first), meets the key at its end, rolls back, and answers as the key says.
        Api.as(f.admin).header("Idempotency-Key", "admin-key").body(OrderFixture.order(f.online, "A", 2)).post("/api/v1/orders")
                .then().statusCode(422).body("code", org.hamcrest.Matchers.equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertEquals(0, f.reserved("A"), "the rolled-back order reserved nothing");
        assertEquals(0L, db.one("select count(*) as n from sales_order where tenant_id = $1", Tuple.of(f.tenant), r -> r.getLong("n"))
                .await().indefinitely().orElseThrow());
        assertEquals(0, pending(f.tenant), "and left no event");
    }

    @Test
    void orderNumbersComeFromBlocksAndRise() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "1.00"));
        f.stock("A", 10);
        String first = Api.as(f.sales).body(OrderFixture.order(f.online, "A", 1)).post("/api/v1/orders").then().statusCode(201)
                .extract().path("number");
        String second = Api.as(f.sales).body(OrderFixture.order(f.online, "A", 1)).post("/api/v1/orders").then().statusCode(201)
                .extract().path("number");
        assertTrue(first.matches("SO-\\d{8}-000001"), first);
        assertTrue(second.matches("SO-\\d{8}-000002"), second);
        long last = db.one("select last from order_number where tenant_id = $1 and day = $2",
                Tuple.of(f.tenant, LocalDate.now(ZoneOffset.UTC)), r -> r.getLong("last")).await().indefinitely().orElseThrow();
        assertEquals(32, last, "one counter statement took a block of 32 numbers");
    }
}
