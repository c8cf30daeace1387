package dev.channelhub.channel.rest;

import dev.channelhub.channel.ChannelRepository.ChannelFilter;
import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelStatus;
import dev.channelhub.channel.ChannelType;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.channel.CreateChannelRequest;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.Http;
import dev.channelhub.shared.web.Params;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/channels")
@Authenticated
@Tag(name = "Channels")
public class ChannelResource {

    @Inject
    ChannelService service;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Created (or the original answer replayed for a known Idempotency-Key)")
    public Uni<Response> create(@RequestBody(required = true) CreateChannelRequest request,
                                @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.create(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "channel")).map(v -> Http.ok(v, v.version()));
    }

    @GET
    public Uni<Page<ChannelView>> list(@QueryParam("type") String type, @QueryParam("status") String status,
                                       @QueryParam("tier") String tier, @QueryParam("region") String region,
                                       @QueryParam("parentId") String parentId,
                                       @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), new ChannelFilter(Params.enumValue(ChannelType.class, type, "type"),
                        Params.enumValue(ChannelStatus.class, status, "status"), tier, region, Ids.parseNullable(parentId, "parentId")),
                PageRequest.of(limit, cursor));
    }
}
