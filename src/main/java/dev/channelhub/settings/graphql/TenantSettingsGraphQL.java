package dev.channelhub.settings.graphql;

import dev.channelhub.settings.TenantSettings;
import dev.channelhub.settings.TenantSettingsPatch;
import dev.channelhub.settings.TenantSettingsService;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@CodedErrors
public class TenantSettingsGraphQL {

    private final TenantSettingsService service;
    private final CurrentCaller caller;

    public TenantSettingsGraphQL(TenantSettingsService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @Query("tenantSettings")
    @Description("The tenant's settings as they apply now (defaults where never set)")
    public Uni<@NonNull TenantSettings> tenantSettings() {
        return service.get(caller.get());
    }

    @Mutation("updateTenantSettings")
    @Description("Changes the named settings (managers, admins); clear puts a setting back to its default; version as If-Match")
    public Uni<@NonNull TenantSettings> updateTenantSettings(@NonNull TenantSettingsPatch input, Integer version) {
        return service.update(caller.get(), input, version);
    }
}
