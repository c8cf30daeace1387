package dev.channelhub.inventory.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.inventory.CreateLocationRequest;
import dev.channelhub.inventory.LocationPatch;
import dev.channelhub.inventory.LocationService;
import dev.channelhub.inventory.LocationView;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/locations")
@Authenticated
@Tag(name = "Inventory")
public class LocationResource {

    @Inject
    LocationService service;

    @Inject
    CurrentCaller caller;

    @Inject
    ObjectMapper mapper;

    @POST
    @APIResponse(responseCode = "201", description = "Created (or the original answer replayed for a known Idempotency-Key)")
    public Uni<Response> create(@RequestBody(required = true) CreateLocationRequest request,
                                @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.create(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "location")).map(v -> Http.ok(v, v.version()));
    }

    @PATCH
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The updated location, with its new ETag")
    public Uni<Response> update(@PathParam("id") String id, @HeaderParam(Http.IF_MATCH) String ifMatch,
                                @RequestBody(required = true, description = "JSON merge-patch: absent fields stay, null clears",
                                        content = @Content(schema = @Schema(implementation = LocationPatch.class))) JsonNode body) {
        UUID locationId = Ids.parseOrNotFound(id, "location");
        Integer expected = Http.ifMatch(ifMatch);
        var parsed = MergePatch.parse(mapper, body, LocationPatch.class, LocationPatch.CLEARABLE);
        return service.update(caller.get(), locationId, parsed.value().withClear(parsed.nulls()), expected)
                .map(v -> Http.ok(v, v.version()));
    }

    @GET
    public Uni<Page<LocationView>> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), PageRequest.of(limit, cursor));
    }
}
