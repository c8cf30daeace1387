package dev.channelhub.settings.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.settings.TenantSettingsPatch;
import dev.channelhub.settings.TenantSettingsService;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import dev.channelhub.shared.web.MergePatch;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/settings")
@Authenticated
@Tag(name = ApiTags.SETTINGS, description = ApiTags.SETTINGS_TEXT)
public class TenantSettingsResource {

    private final TenantSettingsService service;
    private final CurrentCaller caller;
    private final ObjectMapper mapper;

    public TenantSettingsResource(TenantSettingsService service, CurrentCaller caller, ObjectMapper mapper) {
        this.service = service;
        this.caller = caller;
        this.mapper = mapper;
    }

    @GET
    @Operation(operationId = "getTenantSettings", summary = "Tenant settings", description = "Every setting as it applies now (its default when never set), with an ETag. Every role may read them.")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(schema = @Schema(implementation = dev.channelhub.settings.TenantSettings.class)))
    public Uni<Response> get() {
        return service.get(caller.get()).map(s -> Http.ok(s, s.version()));
    }

    @PATCH
    @Operation(operationId = "updateTenantSettings", summary = "Change tenant settings", description = "JSON merge-patch: an absent setting stays, null puts it back to "
            + "its default. Managers and admins only; If-Match is honoured.")
    @APIResponse(responseCode = "200", description = "The settings now, with their new ETag",
            content = @Content(schema = @Schema(implementation = dev.channelhub.settings.TenantSettings.class)))
    public Uni<Response> update(@HeaderParam(Http.IF_MATCH) String ifMatch,
                                @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TenantSettingsPatch.class)))
                                JsonNode body) {
        Integer expected = Http.ifMatch(ifMatch);
        if (body != null && body.isObject()) {
            // Read as a tree: Jackson would silently truncate 1.5 to 1 for an Integer field.
            for (String field : TenantSettingsPatch.CLEARABLE) {
                JsonNode v = body.get(field);
                if (v != null && !v.isNull() && (!v.isIntegralNumber() || !v.canConvertToInt())) {
                    throw ApiException.invalid(field, "must be a whole number");
                }
            }
        }
        var parsed = MergePatch.parse(mapper, body, TenantSettingsPatch.class, TenantSettingsPatch.CLEARABLE);
        return service.update(caller.get(), parsed.value().withClear(parsed.nulls()), expected).map(s -> Http.ok(s, s.version()));
    }
}
