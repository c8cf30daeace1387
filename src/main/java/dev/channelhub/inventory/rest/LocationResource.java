package dev.channelhub.inventory.rest;

import dev.channelhub.inventory.CreateLocationRequest;
import dev.channelhub.inventory.LocationPatch;
import dev.channelhub.inventory.LocationService;
import dev.channelhub.inventory.LocationView;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import dev.channelhub.shared.web.MergePatch;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/locations")
@Authenticated
@Tag(name = ApiTags.INVENTORY, description = ApiTags.INVENTORY_TEXT)
public class LocationResource {

    @Inject
    LocationService service;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Created (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LocationView.class)))
    @Operation(operationId = "createLocation", summary = "Create a location",
            description = "Creates a warehouse, store or partner location, optionally serving only some channels. Managers and "
                    + "integrations; 409 DUPLICATE for a taken code.")
    public Uni<RestResponse<LocationView>> create(@RequestBody(required = true) CreateLocationRequest request,
                                @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.create(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getLocation", summary = "Get a location",
            description = "One location with its version as ETag. Every role; partners only locations serving their channel.")
    public Uni<RestResponse<LocationView>> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "location")).map(v -> Http.ok(v, v.version()));
    }

    @PATCH
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The updated location, with its new ETag",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LocationView.class)))
    @Operation(operationId = "updateLocation", summary = "Update a location",
            description = "JSON merge-patch of a location; If-Match is honoured (412 VERSION_CONFLICT). Managers and "
                    + "integrations.")
    public Uni<RestResponse<LocationView>> update(@PathParam("id") String id, @HeaderParam(Http.IF_MATCH) String ifMatch,
                                @RequestBody(required = true, description = "JSON merge-patch: absent fields stay, null clears",
                                        content = @Content(schema = @Schema(implementation = LocationPatch.class))) LocationPatch patch) {
        UUID locationId = Ids.parseOrNotFound(id, "location");
        Integer expected = Http.ifMatch(ifMatch);
        return service.update(caller.get(), locationId, MergePatch.body(patch), expected)
                .map(v -> Http.ok(v, v.version()));
    }

    @GET
    @Operation(operationId = "listLocations", summary = "List locations",
            description = "The tenant's locations, paged by cursor. Every role; partners only locations serving their channel.")
    public Uni<Page<LocationView>> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), PageRequest.of(limit, cursor));
    }
}
