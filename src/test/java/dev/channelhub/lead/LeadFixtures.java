package dev.channelhub.lead;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.support.Api;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Channels, groups and leads for the lead and deal tests. */
final class LeadFixtures {

    private LeadFixtures() {
    }

    /** Owned types (DIRECT, ONLINE_STORE, MINI_PROGRAM, MARKETPLACE) start ACTIVE; partner types start APPLIED. */
    static String channel(String admin, String code, String type) {
        return Api.as(admin).body(Map.of("code", code, "name", code, "type", type)).post("/api/v1/channels")
                .then().statusCode(201).extract().path("id");
    }

    /** A static group written straight to the channel feature's tables (its API is that feature's to test). */
    static String group(Db db, String tenant, String code, String... members) {
        UUID id = Ids.newId();
        db.query("insert into channel_group (tenant_id, id, code, name) values ($1, $2, $3, $3)", Tuple.of(tenant, id, code))
                .await().indefinitely();
        for (String m : members) {
            db.query("insert into channel_group_member (tenant_id, group_id, channel_id) values ($1, $2, $3)",
                    Tuple.of(tenant, id, UUID.fromString(m))).await().indefinitely();
        }
        return id.toString();
    }

    static String rule(String manager, int priority, Map<String, Object> match, Map<String, Object> target) {
        Map<String, Object> body = new HashMap<>();
        body.put("priority", priority);
        body.put("match", match);
        body.put("target", target);
        return Api.as(manager).body(body).post("/api/v1/lead-routing-rules").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> customer(String phone) {
        return Map.of("identities", List.of(Map.of("kind", "PHONE", "value", phone)), "name", "Customer " + phone);
    }

    static Map<String, Object> lead(String phone, String region, String category, String value) {
        Map<String, Object> body = new HashMap<>();
        body.put("customer", customer(phone));
        if (region != null) {
            body.put("region", region);
        }
        if (category != null) {
            body.put("category", category);
        }
        if (value != null) {
            body.put("estimatedValue", value);
        }
        return body;
    }

    static long count(Db db, String sql, Object... args) {
        return db.one(sql, Tuple.from(args), r -> r.getLong(0)).await().indefinitely().orElse(0L);
    }
}
