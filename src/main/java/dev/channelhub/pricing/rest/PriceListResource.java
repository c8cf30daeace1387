package dev.channelhub.pricing.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.channelhub.pricing.CreatePriceListRequest;
import dev.channelhub.pricing.PriceEntriesRequest;
import dev.channelhub.pricing.PriceEntry;
import dev.channelhub.pricing.PriceListPatch;
import dev.channelhub.pricing.PriceListService;
import dev.channelhub.pricing.PriceListView;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/price-lists")
@Authenticated
@Tag(name = ApiTags.PRICES, description = ApiTags.PRICES_TEXT)
public class PriceListResource {

    @Inject
    PriceListService service;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Created; 422 PRICE_BELOW_FLOOR names every entry below its product's floor",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PriceListView.class)))
    @Operation(operationId = "createPriceList", summary = "Create a price list",
            description = "Creates a price list with its scope, validity, priority and entries. Managers only; 409 DUPLICATE "
                    + "for a taken code, 422 PRICE_BELOW_FLOOR for an entry below the product's floor.")
    public Uni<RestResponse<PriceListView>> create(@RequestBody(required = true) CreatePriceListRequest request,
                                @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.create(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPriceList", summary = "Get a price list",
            description = "One price list header with its version as ETag. Managers, sales and integrations; 404 for an unknown"
                    + " id.")
    public Uni<RestResponse<PriceListView>> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "price list")).map(v -> Http.ok(v, v.version()));
    }

    @GET
    @Operation(operationId = "listPriceLists", summary = "List price lists",
            description = "Price lists filtered by currency or SKU, paged by cursor. Managers, sales and integrations.")
    public Uni<Page<PriceListView>> list(@QueryParam("currency") String currency, @QueryParam("sku") String sku,
                                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), currency, sku, PageRequest.of(limit, cursor));
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updatePriceList", summary = "Update a price list",
            description = "JSON merge-patch of a price list header; If-Match is honoured (412 VERSION_CONFLICT). Managers only.")
    public Uni<RestResponse<PriceListView>> update(@PathParam("id") String id, @RequestBody(required = true) PriceListPatch patch,
                                @HeaderParam(Http.IF_MATCH) String ifMatch) {
        Integer expected = Http.ifMatch(ifMatch);
        return service.update(caller.get(), Ids.parseOrNotFound(id, "price list"), patch, expected).map(v -> Http.ok(v, v.version()));
    }

    @PUT
    @Path("/{id}/entries")
    @APIResponse(responseCode = "200", description = "All entries upserted in one transaction (or none)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PriceListView.class)))
    @Operation(operationId = "replacePriceListEntries", summary = "Replace a price list's entries",
            description = "Replaces the entries of a price list. Managers and integrations; 422 PRICE_BELOW_FLOOR for an entry "
                    + "below the product's floor.")
    public Uni<RestResponse<PriceListView>> putEntries(@PathParam("id") String id, @RequestBody(required = true) PriceEntriesRequest request,
                                    @HeaderParam(Http.IF_MATCH) String ifMatch) {
        Integer expected = Http.ifMatch(ifMatch);
        return service.putEntries(caller.get(), Ids.parseOrNotFound(id, "price list"), request, expected)
                .map(v -> Http.ok(v, v.version()));
    }

    @GET
    @Path("/{id}/entries")
    @Operation(operationId = "listPriceListEntries", summary = "List a price list's entries",
            description = "The entries (SKU, price, minimum quantity) of one price list, paged by cursor. Managers, sales and "
                    + "integrations.")
    public Uni<Page<PriceEntry>> entries(@PathParam("id") String id, @QueryParam("sku") String sku,
                                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.entries(caller.get(), Ids.parseOrNotFound(id, "price list"), sku, PageRequest.of(limit, cursor));
    }
}
