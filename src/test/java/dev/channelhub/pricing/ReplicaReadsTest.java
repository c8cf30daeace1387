package dev.channelhub.pricing;

import dev.channelhub.support.Api;
import dev.channelhub.support.SqlCounter;
import dev.channelhub.support.Tokens;
import dev.channelhub.support.WithReplica;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Read routing against a real streaming replica (a second embedded PostgreSQL fed by the test database's WAL, see
 * {@code support/StreamingReplica}; only this profile starts it). Where a read went is proven by pausing the replica's
 * replay ({@code pg_wal_replay_pause()}): what a read then returns says which server answered it.
 * <ul>
 *   <li>reports read the replica (an order placed while replay is paused is in the primary's rollup, not in the report);</li>
 *   <li>quotes and catalogue pages read the replica (a price changed on the primary behind the instance's back is not
 *       seen by either while paused);</li>
 *   <li>a price changed <em>through this instance</em> is quoted at once (the quote goes to the primary while the
 *       replica has not replayed the write), while the catalogue page may still show the old price until replay
 *       resumes; afterwards quotes are back on the replica.</li>
 * </ul>
 */
@QuarkusTest
@TestProfile(ReplicaReadsTest.Replicated.class)
class ReplicaReadsTest {

    /** Starts the streaming replica (WithReplica) and points channelhub.datasource.read-url at it. */
    public static class Replicated implements QuarkusTestProfile, WithReplica {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("channelhub.webhooks.enabled", "false");
        }
    }

    private Connection primary;
    private Connection replica;

    @BeforeEach
    void connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        var replicaPort = config.getOptionalValue("channelhub.test.replica-port", String.class);
        Assumptions.assumeTrue(replicaPort.isPresent(),
                "no streaming replica: the tests run against an external database (channelhub.test.db-url), of which none is made");
        String password = config.getValue("quarkus.datasource.password", String.class);
        primary = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + config.getValue("channelhub.test.db-port", String.class)
                + "/postgres", "postgres", password);
        replica = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + replicaPort.get() + "/postgres", "postgres", password);
    }

    @AfterEach
    void disconnect() throws SQLException {
        if (replica != null) {
            replica.createStatement().execute("select pg_wal_replay_resume()");
            replica.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void theReadUrlIsAStreamingReplicaAndThePoolIsConnectedToIt() throws Exception {
        assertEquals("t", value(replica, "select pg_is_in_recovery()"));
        assertEquals("streaming", value(primary, "select state from pg_stat_replication where application_name = 'channelhub_test_replica'"));
        // Reports read there: the read pool's connections are the replica's, named channelhub-read.
        String tenant = Tokens.newTenant();
        Api.as(Tokens.token(tenant, "manager")).get("/api/v1/analytics/inventory/low-stock").then().statusCode(200);
        assertTrue(Integer.parseInt(value(replica, "select count(*) from pg_stat_activity where application_name = 'channelhub-read'")) > 0);
        assertEquals("0", value(primary, "select count(*) from pg_stat_activity where application_name = 'channelhub-read'"));
    }

    @Test
    void reportsReadTheReplica() throws Exception {
        PricingFixture f = new PricingFixture();
        String channel = f.channel("R1", "DISTRIBUTOR");
        Api.as(f.admin).body(Map.of("to", "ACTIVE")).post("/api/v1/channels/" + channel + "/transition").then().statusCode(200);
        Api.as(f.admin).body(Map.of("code", "WH", "name", "Warehouse", "type", "WAREHOUSE")).post("/api/v1/locations").then().statusCode(201);
        f.product("R-1", null);
        f.priceList("BASE", Map.of(), null, "R-1", "10.00");
        Api.as(f.admin).body(Map.of("onHand", 100)).put("/api/v1/stock/WH/R-1").then().statusCode(200);
        String manager = Tokens.token(f.tenant, "manager");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String report = "/api/v1/analytics/sales?groupBy=sku&from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        caughtUp();
        Api.as(manager).get(report).then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(0));

        pause();
        Api.as(Tokens.token(f.tenant, "sales")).body(Map.of("channelId", channel, "lines", List.of(Map.of("sku", "R-1", "quantity", 2))))
                .post("/api/v1/orders").then().statusCode(201);
        // Orders reach the rollups from the outbox after they commit (SalesRollupFeed): apply now, as a report would.
        value(primary, "select analytics_apply_outbox('Asia/Shanghai', 100000, true)");
        assertEquals("1", value(primary, "select coalesce(sum(orders), 0) from sales_rollup where tenant_id = '" + f.tenant
                + "' and dim = 'T' and grain = 'D'"), "the order's rollup is on the primary");
        Api.as(manager).get(report).then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(0));

        resume();
        Api.as(manager).get(report).then().statusCode(200).body("items[0].key", org.hamcrest.Matchers.equalTo("R-1"))
                .body("items[0].orders", org.hamcrest.Matchers.equalTo(1));
    }

    /**
     * Also the test of the fence's position (Db.PRIMARY_LSN): the test primary commits asynchronously
     * (synchronous_commit=off), and here its WAL writer writes out only every 2 s, so right after a commit the written
     * position is short of the commit record. A fence at that position let the first quote read a replica that did not
     * have the new price list yet (422 NO_PRICE; once in a while before, when the WAL writer had not caught up); the
     * fence at the insert position waits for it.
     */
    @Test
    void quotesSeeThisInstancesPriceChangesAtOnceWhileCataloguePagesMayLag() throws Exception {
        execute(primary, "alter system set wal_writer_delay = '2s'");
        execute(primary, "select pg_reload_conf()");
        try {
            quotesAfterPricingWrites();
        } finally {
            execute(primary, "alter system reset wal_writer_delay");
            execute(primary, "select pg_reload_conf()");
        }
    }

    private void quotesAfterPricingWrites() throws Exception {
        PricingFixture f = new PricingFixture();
        String channel = f.channel("Q1", "DISTRIBUTOR");
        f.product("Q-1", null);
        String list = f.priceList("BASE", Map.of(), null, "Q-1", "100.00");
        caughtUp();
        assertEquals("100.00", quote(f, channel));
        assertEquals("100.00", cataloguePrice(f, channel));

        pause();
        // Behind the instance's back (not a write it made): quotes and pages both read the paused replica.
        execute(primary, "update price_list_entry set price = 90 where tenant_id = '" + f.tenant + "'");
        assertEquals("100.00", quote(f, channel), "the quote read the replica");
        assertEquals("100.00", cataloguePrice(f, channel), "the catalogue page read the replica");

        // Through this instance: the next quote must not be answered with the old price.
        Api.as(f.admin).body(Map.of("entries", List.of(Map.of("sku", "Q-1", "price", "80.00"))))
                .put("/api/v1/price-lists/" + list + "/entries").then().statusCode(200);
        long before = SqlCounter.current();
        assertEquals("80.00", quote(f, channel), "the replica has not replayed the write: the quote read the primary");
        assertEquals(2, SqlCounter.current() - before, "a fence pending: the replica's position, then the quote's one statement");
        assertEquals("80.00", graphqlPrice(f, channel), "GraphQL Product.price is a quote too");
        assertEquals("100.00", cataloguePrice(f, channel), "catalogue pages may lag by the replay delay (documented)");

        resume();
        assertEquals("80.00", quote(f, channel));
        assertEquals("80.00", cataloguePrice(f, channel));

        // Once the replica had replayed the write, the fence is gone: quotes read the replica again.
        pause();
        execute(primary, "update price_list_entry set price = 70 where tenant_id = '" + f.tenant + "'");
        before = SqlCounter.current();
        assertEquals("80.00", quote(f, channel), "back on the replica");
        assertEquals(1, SqlCounter.current() - before, "no fence pending: a warm quote is its one statement, as on the primary");
        resume();
        assertEquals("70.00", quote(f, channel));
    }

    private static String quote(PricingFixture f, String channel) {
        return Api.as(f.admin).body(PricingFixture.quote(channel, "Q-1", 1)).post("/api/v1/prices/quote").then().statusCode(200)
                .extract().path("lines[0].unitPrice");
    }

    private static String cataloguePrice(PricingFixture f, String channel) {
        return Api.as(f.admin).get("/api/v1/channels/" + channel + "/catalog").then().statusCode(200).extract().path("items[0].unitPrice");
    }

    private static String graphqlPrice(PricingFixture f, String channel) {
        return Api.graphql(f.admin, "query($c: ID!) { products(channelId: $c) { edges { node { sku price { unitPrice } } } } }",
                Map.of("c", channel)).then().statusCode(200).extract().path("data.products.edges[0].node.price.unitPrice");
    }

    /**
     * Waits until the replica has replayed everything the primary has committed so far: up to the insert position (the
     * written position may be short of an asynchronous commit's record).
     */
    private void caughtUp() throws Exception {
        String lsn = value(primary, "select pg_current_wal_insert_lsn()::text");
        for (int i = 0; i < 600; i++) {
            if ("t".equals(value(replica, "select pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the replica did not replay up to " + lsn + " within a minute");
    }

    private void pause() throws Exception {
        caughtUp();
        execute(replica, "select pg_wal_replay_pause()");
        for (int i = 0; i < 600; i++) {
            if ("paused".equals(value(replica, "select pg_get_wal_replay_pause_state()"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("replay did not pause within a minute");
    }

    private void resume() throws Exception {
        execute(replica, "select pg_wal_replay_resume()");
        caughtUp();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String value(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
