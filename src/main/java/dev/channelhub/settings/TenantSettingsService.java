package dev.channelhub.settings;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.validation.RequestValidator;
import dev.channelhub.shared.web.MergePatch;
import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.Map;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The tenant's settings home ({@code /api/v1/settings}): every role reads them, managers (and admins) change them.
 * Lead and deal settings stay at {@code /lead-settings}.
 */
@ApplicationScoped
public class TenantSettingsService {

    private final TenantSettingsRepository settings;
    private final Db db;
    private final RequestValidator validator;

    public TenantSettingsService(TenantSettingsRepository settings, Db db, RequestValidator validator) {
        this.settings = settings;
        this.db = db;
        this.validator = validator;
    }

    public Uni<TenantSettings> get(Caller caller) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER);
            return settings.find(db.pool(), caller.tenant(), false).map(TenantSettingsRepository.Stored::applied);
        });
    }

    public Uni<TenantSettings> update(Caller caller, TenantSettingsPatch patch, Integer expectedVersion) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER);
            validator.check(patch);
            MergePatch.checkClear(patch.clear(), TenantSettingsPatch.CLEARABLE);
            if (patch.isEmpty()) {
                throw ApiException.invalid("body", "names no setting to change");
            }
            for (String field : TenantSettingsPatch.CLEARABLE) {
                if (patch.value(field) != null && patch.clears(field)) {
                    throw ApiException.invalid(field, "cannot be set and cleared at once");
                }
            }
            return db.inTransaction(tx -> settings.find(tx, caller.tenant(), true).flatMap(cur -> {
                if (expectedVersion != null && expectedVersion != cur.version()) {
                    throw ApiException.versionConflict("settings", expectedVersion, cur.version());
                }
                Map<String, Object> next = new HashMap<>();
                for (String field : TenantSettingsPatch.CLEARABLE) {
                    next.put(field, patch.clears(field) ? null : patch.value(field) != null ? patch.value(field) : cur.get(field));
                }
                return settings.save(tx, caller.tenant(), next, caller.subject()).map(TenantSettingsRepository.Stored::applied);
            }));
        });
    }

    /** For other features' rules, inside their transaction. */
    public Uni<TenantSettings> current(SqlClient client, String tenant) {
        return settings.find(client, tenant, false).map(TenantSettingsRepository.Stored::applied);
    }
}
