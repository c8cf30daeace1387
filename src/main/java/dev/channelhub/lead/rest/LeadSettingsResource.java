package dev.channelhub.lead.rest;

import dev.channelhub.lead.LeadService;
import dev.channelhub.lead.LeadSettings;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tenant settings: how long a channel has to accept a lead, how long a deal registration protects its customer. */
@Path("/api/v1/lead-settings")
@Authenticated
@Tag(name = ApiTags.LEADS, description = ApiTags.LEADS_TEXT)
public class LeadSettingsResource {

    @Inject
    LeadService service;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "getLeadSettings", summary = "Get the lead settings",
            description = "The tenant's lead and deal settings (deal protection days and others). Managers and sales.")
    public Uni<LeadSettings> get() {
        return service.settings(caller.get());
    }

    @PUT
    @Operation(operationId = "updateLeadSettings", summary = "Replace the lead settings",
            description = "Replaces the tenant's lead and deal settings (settings not given keep their values). Managers only.")
    public Uni<LeadSettings> put(@RequestBody(required = true) LeadSettings settings) {
        if (settings == null) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
        return service.updateSettings(caller.get(), settings);
    }
}
