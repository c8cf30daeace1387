package dev.channelhub.channel;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.support.Api;
import dev.channelhub.support.AsRequest;
import dev.channelhub.support.SqlCounter;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The methods other features call: find, lockForUpdate, findWithGroups, memberIds. */
@QuarkusTest
class ChannelServiceSpiTest {

    @Inject
    ChannelService service;

    @Inject
    Db db;

    private static UUID channel(String token, String code, String type, String tier, String region) {
        StringBuilder body = new StringBuilder("{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"type\":\"" + type + "\"");
        if (tier != null) {
            body.append(",\"tier\":\"").append(tier).append('"');
        }
        if (region != null) {
            body.append(",\"region\":\"").append(region).append('"');
        }
        body.append('}');
        return UUID.fromString(Api.as(token).body(body.toString()).post("/api/v1/channels").then().statusCode(201).extract().path("id"));
    }

    /** A group written straight to its tables (the API for groups is tested in ChannelGroupApiTest). */
    private UUID group(String tenant, String code, boolean hasRule, String[] types, String[] tiers, String[] regions, UUID... members) {
        UUID id = Ids.newId();
        db.query("insert into channel_group (tenant_id, id, code, name, has_rule, rule_types, rule_tiers, rule_regions) "
                + "values ($1, $2, $3, $3, $4, $5, $6, $7)", Tuple.from(new Object[]{tenant, id, code, hasRule, types, tiers, regions}))
                .await().indefinitely();
        for (UUID m : members) {
            db.query("insert into channel_group_member (tenant_id, group_id, channel_id) values ($1, $2, $3)", Tuple.of(tenant, id, m))
                    .await().indefinitely();
        }
        return id;
    }

    @Test
    void findIsUnscopedAndTenantBound() {
        String tenant = Tokens.newTenant();
        UUID id = channel(Tokens.token(tenant, "admin"), "F1", "AGENT", null, null);
        assertEquals("F1", service.find(db.pool(), tenant, id).await().indefinitely().orElseThrow().code());
        assertTrue(service.find(db.pool(), Tokens.newTenant(), id).await().indefinitely().isEmpty());
        assertTrue(service.find(db.pool(), tenant, Ids.newId()).await().indefinitely().isEmpty());
    }

    @Test
    void lockForUpdateLocksTheRowAndIsNotFoundWhenAbsent() {
        String tenant = Tokens.newTenant();
        UUID id = channel(Tokens.token(tenant, "admin"), "L1", "DISTRIBUTOR", null, null);
        ApiException missing = assertThrows(ApiException.class,
                () -> db.inTransaction(tx -> service.lockForUpdate(tx, tenant, Ids.newId())).await().indefinitely());
        assertEquals(ErrorCode.NOT_FOUND, missing.code());
        assertThrows(ApiException.class,
                () -> db.inTransaction(tx -> service.lockForUpdate(tx, Tokens.newTenant(), id)).await().indefinitely());

        SqlConnection first = db.pool().getConnection().await().indefinitely();
        SqlConnection second = db.pool().getConnection().await().indefinitely();
        try {
            var tx1 = first.begin().await().indefinitely();
            assertEquals("L1", service.lockForUpdate(first, tenant, id).await().indefinitely().code());
            var tx2 = second.begin().await().indefinitely();
            second.query("set local lock_timeout = '300ms'").execute().await().indefinitely();
            Throwable blocked = assertThrows(Throwable.class, () -> service.lockForUpdate(second, tenant, id).await().indefinitely());
            assertTrue(blocked instanceof PgException pg && "55P03".equals(pg.getSqlState()), blocked.toString());
            tx2.rollback().await().indefinitely();
            tx1.rollback().await().indefinitely();
        } finally {
            first.close().await().indefinitely();
            second.close().await().indefinitely();
        }
    }

    @Test
    void findWithGroupsIsTheChannelAndStaticUnionRuleGroupsInOneStatement() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        UUID goldEast = channel(admin, "GE", "DISTRIBUTOR", "GOLD", "EAST");
        UUID goldWest = channel(admin, "GW", "DISTRIBUTOR", "GOLD", "WEST");
        UUID agent = channel(admin, "AG", "AGENT", null, "EAST");
        UUID shop = channel(admin, "SH", "ONLINE_STORE", null, null);

        UUID staticOnly = group(tenant, "STATIC", false, null, null, null, shop, agent);
        UUID goldDistributors = group(tenant, "GOLD-DIST", true, new String[]{"DISTRIBUTOR"}, new String[]{"GOLD", "PLATINUM"}, null);
        UUID east = group(tenant, "EAST", true, null, null, new String[]{"EAST"});
        UUID eastAgentsPlusShop = group(tenant, "EAST-AGENTS", true, new String[]{"AGENT", "RETAIL_STORE"}, null, new String[]{"EAST"}, shop);
        UUID everyone = group(tenant, "ALL", true, null, null, null);
        UUID tierless = group(tenant, "SILVER", true, null, new String[]{"SILVER"}, null, goldWest);
        // Another tenant's rule group that would match everything must not leak in.
        String other = Tokens.newTenant();
        group(other, "ALL", true, null, null, null);

        long before = SqlCounter.current();
        ChannelWithGroups ofGoldEast = AsRequest.await(() -> service.findWithGroups(db.pool(), tenant, goldEast)).orElseThrow();
        assertEquals(1, SqlCounter.current() - before, "findWithGroups must be one statement");
        assertEquals("GE", ofGoldEast.channel().code());
        assertEquals(sorted(goldDistributors, east, everyone), ofGoldEast.groupIds());
        assertEquals(sorted(goldDistributors, everyone, tierless), groupsOf(tenant, goldWest));
        assertEquals(sorted(staticOnly, east, eastAgentsPlusShop, everyone), groupsOf(tenant, agent));
        assertEquals(sorted(staticOnly, eastAgentsPlusShop, everyone), groupsOf(tenant, shop));
        assertEquals(sorted(everyone), groupsOf(tenant, channel(admin, "LONE", "AGENT", null, "WEST")), "only the rule group for everyone");
        assertTrue(service.findWithGroups(db.pool(), other, goldEast).await().indefinitely().isEmpty(), "another tenant's channel");
    }

    private List<UUID> groupsOf(String tenant, UUID channelId) {
        return service.findWithGroups(db.pool(), tenant, channelId).await().indefinitely().orElseThrow().groupIds();
    }

    @Test
    void memberIdsIsStaticUnionRuleWhateverTheStatus() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        UUID applied = channel(admin, "D1", "DISTRIBUTOR", "GOLD", "EAST"); // APPLIED, still a member
        UUID d2 = channel(admin, "D2", "DISTRIBUTOR", "SILVER", "EAST");
        UUID d3 = channel(admin, "D3", "DISTRIBUTOR", "GOLD", "NORTH");
        UUID shop = channel(admin, "S1", "MINI_PROGRAM", null, "EAST");
        UUID goldEast = group(tenant, "GOLD-EAST", true, new String[]{"DISTRIBUTOR"}, new String[]{"GOLD"}, new String[]{"EAST"}, shop);
        UUID north = group(tenant, "NORTH", true, null, null, new String[]{"NORTH"}, applied);
        UUID none = group(tenant, "EMPTY", false, null, null, null);

        assertEquals(sorted(applied, shop), service.memberIds(db.pool(), tenant, List.of(goldEast)).await().indefinitely());
        long before = SqlCounter.current();
        assertEquals(sorted(applied, d3, shop), AsRequest.await(() -> service.memberIds(db.pool(), tenant, List.of(goldEast, north, none))));
        assertEquals(1, SqlCounter.current() - before, "memberIds must be one statement");
        assertEquals(List.of(), service.memberIds(db.pool(), tenant, List.of(none)).await().indefinitely());
        assertEquals(List.of(), service.memberIds(db.pool(), tenant, List.of()).await().indefinitely());
        assertEquals(List.of(), service.memberIds(db.pool(), Tokens.newTenant(), List.of(goldEast)).await().indefinitely());
        assertTrue(!service.memberIds(db.pool(), tenant, List.of(goldEast, north)).await().indefinitely().contains(d2));
    }

    private static List<UUID> sorted(UUID... ids) {
        return java.util.Arrays.stream(ids).sorted().toList();
    }
}
