package dev.channelhub.settings;

import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** SQL for the tenant's settings row (absent until a setting is first changed). */
@ApplicationScoped
public class TenantSettingsRepository {

    private static final String FIND = """
            select coalesce(max_active_holds_per_channel, $2) as max_active_holds_per_channel, version
            from tenant_settings where tenant_id = $1""";

    private static final String LOCK = FIND + " for update";

    private static final String UPSERT = """
            insert into tenant_settings (tenant_id, max_active_holds_per_channel, updated_by) values ($1, $2, $3)
            on conflict (tenant_id) do update set max_active_holds_per_channel = excluded.max_active_holds_per_channel,
                version = tenant_settings.version + 1, updated_by = excluded.updated_by, updated_at = now()
            returning coalesce(max_active_holds_per_channel, $4) as max_active_holds_per_channel, version""";

    private final Db db;

    public TenantSettingsRepository(Db db) {
        this.db = db;
    }

    public Uni<TenantSettings> find(SqlClient client, String tenant, boolean lock) {
        return db.one(client, lock ? LOCK : FIND, Tuple.of(tenant, TenantSettings.DEFAULT_MAX_ACTIVE_HOLDS_PER_CHANNEL),
                        r -> new TenantSettings(r.getInteger("max_active_holds_per_channel"), r.getInteger("version")))
                .map(found -> found.orElse(TenantSettings.defaults()));
    }

    /** Stores the explicit value of each setting (null = default) and returns what applies now. */
    public Uni<TenantSettings> save(SqlClient tx, String tenant, Integer maxActiveHoldsPerChannel, String actor) {
        return db.one(tx, UPSERT, Tuple.of(tenant, maxActiveHoldsPerChannel, actor, TenantSettings.DEFAULT_MAX_ACTIVE_HOLDS_PER_CHANNEL),
                        r -> new TenantSettings(r.getInteger("max_active_holds_per_channel"), r.getInteger("version")))
                .map(Optional::orElseThrow);
    }
}
