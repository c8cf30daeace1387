package dev.channelhub.lead.rest;

import dev.channelhub.lead.LeadService;
import dev.channelhub.lead.LeadSettings;
import dev.channelhub.shared.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tenant settings: how long a channel has to accept a lead, how long a deal registration protects its customer. */
@Path("/api/v1/lead-settings")
@Authenticated
@Tag(name = "Leads")
public class LeadSettingsResource {

    @Inject
    LeadService service;

    @Inject
    CurrentCaller caller;

    @GET
    public Uni<LeadSettings> get() {
        return service.settings(caller.get());
    }

    @PUT
    public Uni<LeadSettings> put(@RequestBody(required = true) LeadSettings settings) {
        return service.updateSettings(caller.get(), settings);
    }
}
