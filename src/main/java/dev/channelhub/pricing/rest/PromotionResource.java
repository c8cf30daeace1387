package dev.channelhub.pricing.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.channelhub.pricing.CreatePromotionRequest;
import dev.channelhub.pricing.PromotionService;
import dev.channelhub.pricing.PromotionView;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/promotions")
@Authenticated
@Tag(name = ApiTags.PRICES, description = ApiTags.PRICES_TEXT)
public class PromotionResource {

    @Inject
    PromotionService service;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Created (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PromotionView.class)))
    @Operation(operationId = "createPromotion", summary = "Create a promotion",
            description = "Creates a promotion (percent off, amount off or fixed price) with its scope and validity. Managers "
                    + "only; 409 DUPLICATE for a taken code.")
    public Uni<RestResponse<PromotionView>> create(@RequestBody(required = true) CreatePromotionRequest request,
                                @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.create(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPromotion", summary = "Get a promotion",
            description = "One promotion. Managers, sales and integrations; 404 for an unknown id.")
    public Uni<RestResponse<PromotionView>> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "promotion")).map(v -> Http.ok(v, v.version()));
    }

    @GET
    @Operation(operationId = "listPromotions", summary = "List promotions",
            description = "Promotions, optionally those applying to a SKU, paged by cursor. Managers, sales and integrations.")
    public Uni<Page<PromotionView>> list(@QueryParam("sku") String sku, @QueryParam("limit") String limit,
                                         @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), sku, PageRequest.of(limit, cursor));
    }
}
