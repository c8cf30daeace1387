package dev.channelhub.settings;

import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;

/**
 * SQL for the tenant's settings row (absent until a setting is first changed). Columns hold the explicit values
 * (null = default); reads answer the raw values and the service applies the defaults.
 */
@ApplicationScoped
public class TenantSettingsRepository {

    private static final String COLUMNS = """
            max_active_holds_per_channel, return_window_days, sla_hours_urgent, sla_hours_high, sla_hours_normal, sla_hours_low,
            stuffing_threshold""";

    private static final String FIND = """
            select %s, version from tenant_settings where tenant_id = $1""".formatted(COLUMNS);

    private static final String LOCK = """
            select %s, version from tenant_settings where tenant_id = $1 for update""".formatted(COLUMNS);

    private static final String UPSERT = """
            insert into tenant_settings (tenant_id, %1$s, updated_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            on conflict (tenant_id) do update set max_active_holds_per_channel = excluded.max_active_holds_per_channel,
                return_window_days = excluded.return_window_days, sla_hours_urgent = excluded.sla_hours_urgent,
                sla_hours_high = excluded.sla_hours_high, sla_hours_normal = excluded.sla_hours_normal,
                sla_hours_low = excluded.sla_hours_low, stuffing_threshold = excluded.stuffing_threshold,
                version = tenant_settings.version + 1, updated_by = excluded.updated_by, updated_at = now()
            returning %1$s, version""".formatted(COLUMNS);

    /** The explicit values by setting name (absent = default) and the row version (0 without a row). */
    public record Stored(Map<String, Object> values, int version) {

        public Object get(String field) {
            return values.get(field);
        }

        public TenantSettings applied() {
            return new TenantSettings(or("maxActiveHoldsPerChannel", TenantSettings.DEFAULT_MAX_ACTIVE_HOLDS_PER_CHANNEL),
                    or("returnWindowDays", TenantSettings.DEFAULT_RETURN_WINDOW_DAYS),
                    or("slaHoursUrgent", TenantSettings.DEFAULT_SLA_HOURS_URGENT), or("slaHoursHigh", TenantSettings.DEFAULT_SLA_HOURS_HIGH),
                    or("slaHoursNormal", TenantSettings.DEFAULT_SLA_HOURS_NORMAL), or("slaHoursLow", TenantSettings.DEFAULT_SLA_HOURS_LOW),
                    values.get("stuffingThreshold") instanceof java.math.BigDecimal t ? t.stripTrailingZeros() : TenantSettings.DEFAULT_STUFFING_THRESHOLD,
                    version);
        }

        private int or(String field, int def) {
            Integer v = (Integer) values.get(field);
            return v == null ? def : v;
        }
    }

    private final Db db;

    public TenantSettingsRepository(Db db) {
        this.db = db;
    }

    public Uni<Stored> find(SqlClient client, String tenant, boolean lock) {
        return db.one(client, lock ? LOCK : FIND, Tuple.of(tenant), TenantSettingsRepository::stored)
                .map(found -> found.orElse(new Stored(Map.of(), 0)));
    }

    /** Stores the explicit value of each setting (null = default) and returns what is stored now. */
    public Uni<Stored> save(SqlClient tx, String tenant, Map<String, Object> values, String actor) {
        return db.one(tx, UPSERT, Tuple.from(new Object[]{tenant, values.get("maxActiveHoldsPerChannel"), values.get("returnWindowDays"),
                        values.get("slaHoursUrgent"), values.get("slaHoursHigh"), values.get("slaHoursNormal"), values.get("slaHoursLow"),
                        values.get("stuffingThreshold"), actor}), TenantSettingsRepository::stored)
                .map(Optional::orElseThrow);
    }

    private static Stored stored(Row r) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("maxActiveHoldsPerChannel", r.getInteger("max_active_holds_per_channel"));
        values.put("returnWindowDays", r.getInteger("return_window_days"));
        values.put("slaHoursUrgent", r.getInteger("sla_hours_urgent"));
        values.put("slaHoursHigh", r.getInteger("sla_hours_high"));
        values.put("slaHoursNormal", r.getInteger("sla_hours_normal"));
        values.put("slaHoursLow", r.getInteger("sla_hours_low"));
        values.put("stuffingThreshold", r.getBigDecimal("stuffing_threshold"));
        return new Stored(values, r.getInteger("version"));
    }
}
