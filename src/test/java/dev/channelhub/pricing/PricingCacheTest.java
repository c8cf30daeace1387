package dev.channelhub.pricing;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.SqlCounter;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.channelhub.pricing.PricingFixture.quote;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The price engine keeps list headers, promotions and channels in memory ({@link PricingCache}). Changes made
 * straight in the database (as another instance, an import or an operator would) must show in the very next
 * quote: the cache is checked against the tenant's pricing epoch in the quote's own statement.
 */
@QuarkusTest
class PricingCacheTest {

    @Inject
    Db db;

    private void sql(String statement, Object... args) {
        db.query(statement, Tuple.from(args)).await().indefinitely();
    }

    private static String priceOf(PricingFixture f, String channel, String sku) {
        return Api.as(f.admin).body(quote(channel, sku, 1)).post("/api/v1/prices/quote").then().statusCode(200)
                .extract().path("lines[0].priceListCode");
    }

    @Test
    void aWarmQuoteIsOneStatementAndDirectChangesShowAtOnce() {
        PricingFixture f = new PricingFixture();
        String shop = f.channel("SHOP", "RETAIL_STORE");
        f.product("TEA", null);
        String base = f.priceList("BASE", Map.of(), null, "TEA", "10.00");
        String stores = f.priceList("STORES", Map.of("channelTypes", List.of("DISTRIBUTOR")), null, "TEA", "9.00");
        assertEquals("BASE", priceOf(f, shop, "TEA"));

        long before = SqlCounter.current();
        Api.as(f.admin).body(quote(shop, "TEA", 1)).post("/api/v1/prices/quote").then().statusCode(200)
                .body("lines[0].unitPrice", equalTo("10.00"));
        assertEquals(1, SqlCounter.current() - before, "a quote with warm headers is one statement");

        // A list header changed behind the service's back: its scope now includes retail stores.
        sql("update price_list set channel_types = '{RETAIL_STORE}' where tenant_id = $1 and id = $2", f.tenant, UUID.fromString(stores));
        assertEquals("STORES", priceOf(f, shop, "TEA"));

        // The channel's type changes in the database: the type-scoped list no longer applies.
        sql("update channel set type = 'AGENT' where tenant_id = $1 and id = $2", f.tenant, UUID.fromString(shop));
        assertEquals("BASE", priceOf(f, shop, "TEA"));

        // Group membership inserted directly: the group-scoped list applies at once.
        UUID group = UUID.randomUUID();
        sql("insert into channel_group (tenant_id, id, code, name) values ($1, $2, 'G', 'G')", f.tenant, group);
        String groupList = f.priceList("GROUP", Map.of("channelGroupIds", List.of(group.toString())), null, "TEA", "8.00");
        assertEquals("BASE", priceOf(f, shop, "TEA"));
        sql("insert into channel_group_member (tenant_id, group_id, channel_id) values ($1, $2, $3)", f.tenant, group, UUID.fromString(shop));
        assertEquals("GROUP", priceOf(f, shop, "TEA"));

        // Entries are never cached: a price changed in place is the next quote's price.
        sql("update price_list_entry set price = 7.50 where tenant_id = $1 and price_list_id = (select id from price_list"
                + " where tenant_id = $1 and code = 'GROUP')", f.tenant);
        Api.as(f.admin).body(quote(shop, "TEA", 1)).post("/api/v1/prices/quote").then().body("lines[0].unitPrice", equalTo("7.50"));

        // A promotion inserted directly applies at once.
        sql("insert into promotion (tenant_id, id, code, kind, value, currency) values ($1, $2, 'HALF', 'PERCENT_OFF', 50, null)",
                f.tenant, UUID.randomUUID());
        Api.as(f.admin).body(quote(shop, "TEA", 1)).post("/api/v1/prices/quote").then()
                .body("lines[0].unitPrice", equalTo("3.75")).body("lines[0].promotionCode", equalTo("HALF"));

        // A deleted list is gone from the next quote.
        sql("delete from promotion where tenant_id = $1", f.tenant);
        sql("delete from price_list where tenant_id = $1 and code = 'GROUP'", f.tenant);
        assertEquals("BASE", priceOf(f, shop, "TEA"));
        Api.as(f.admin).body(quote(shop, "TEA", 1)).post("/api/v1/prices/quote").then().body("lines[0].unitPrice", equalTo("10.00"));
        Api.as(f.admin).get("/api/v1/price-lists/" + groupList).then().statusCode(404);
        Api.as(f.admin).get("/api/v1/price-lists/" + base).then().statusCode(200).body("code", equalTo("BASE"));
    }

    @Test
    void entryWritesDoNotMoveTheEpochButHeaderChangesDo() {
        PricingFixture f = new PricingFixture();
        f.product("TEA", null);
        String list = f.priceList("BASE", Map.of(), null, "TEA", "10.00");
        long epoch = epoch(f.tenant);
        f.channel("NEW", "AGENT");
        assertEquals(epoch, epoch(f.tenant), "a new channel is read when first priced, not invalidated");
        sql("update price_list_entry set price = 11 where tenant_id = $1", f.tenant);
        sql("update price_list set version = version + 1, updated_at = now() where tenant_id = $1", f.tenant);
        assertEquals(epoch, epoch(f.tenant), "entries and the version touch do not invalidate cached headers");
        sql("update price_list set priority = 500 where tenant_id = $1 and id = $2", f.tenant, UUID.fromString(list));
        assertEquals(epoch + 1, epoch(f.tenant));
        sql("update channel set name = 'renamed' where tenant_id = $1", f.tenant);
        assertEquals(epoch + 1, epoch(f.tenant), "a channel's name is not pricing's business");
    }

    private long epoch(String tenant) {
        return db.one("select coalesce(max(epoch), 0) as e from pricing_epoch where tenant_id = $1", Tuple.of(tenant), r -> r.getLong("e"))
                .await().indefinitely().orElseThrow();
    }
}
