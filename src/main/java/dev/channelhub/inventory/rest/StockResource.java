package dev.channelhub.inventory.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.channelhub.inventory.StockLevelView;
import dev.channelhub.inventory.CreateHoldRequest;
import dev.channelhub.inventory.HoldService;
import dev.channelhub.inventory.HoldView;
import dev.channelhub.inventory.LedgerEntryView;
import dev.channelhub.inventory.SetStockRequest;
import dev.channelhub.inventory.StockAdjustmentRequest;
import dev.channelhub.inventory.StockService;
import dev.channelhub.inventory.StockView;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stock")
@Authenticated
@Tag(name = ApiTags.INVENTORY, description = ApiTags.INVENTORY_TEXT)
public class StockResource {

    @Inject
    StockService stock;

    @Inject
    HoldService holds;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "getStock", summary = "A SKU's stock and available to promise",
            description = "Stock per location of one SKU and, with channelId, the quantity available to promise to that "
                    + "channel. Managers, sales, integrations; a partner only for its own channel.")
    public Uni<StockView> stock(@QueryParam("sku") String sku, @QueryParam("channelId") String channelId) {
        return stock.stock(caller.get(), sku, Ids.parseNullable(channelId, "channelId"));
    }

    @GET
    @Path("/ledger")
    @Operation(operationId = "listStockLedger", summary = "List stock ledger entries",
            description = "Every stock change (set, adjustment, reservation, shipment, release) with actor, filtered by SKU or "
                    + "location, paged by cursor. Managers, sales and integrations.")
    public Uni<Page<LedgerEntryView>> ledger(@QueryParam("sku") String sku, @QueryParam("locationCode") String locationCode,
                                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return stock.ledger(caller.get(), blankToNull(sku), blankToNull(locationCode), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{locationCode}/{sku}")
    @Operation(operationId = "getStockLevel", summary = "Stock of a SKU at a location",
            description = "On hand, reserved and available of one SKU at one location. Managers, sales and integrations; 404 "
                    + "for an unknown location.")
    public Uni<RestResponse<StockLevelView>> level(@PathParam("locationCode") String locationCode, @PathParam("sku") String sku) {
        return stock.level(caller.get(), locationCode, sku).map(v -> Http.ok(v, v.version()));
    }

    @PUT
    @Path("/{locationCode}/{sku}")
    @Operation(operationId = "setStock", summary = "Set stock at a location",
            description = "Sets on hand of a SKU at a location (a ledger row records the change); If-Match is honoured (412 "
                    + "VERSION_CONFLICT). Managers and integrations; 400 when on hand would fall below what is reserved.")
    public Uni<RestResponse<StockLevelView>> set(@PathParam("locationCode") String locationCode, @PathParam("sku") String sku,
                             @RequestBody(required = true) SetStockRequest request, @HeaderParam(Http.IF_MATCH) String ifMatch) {
        return stock.set(caller.get(), locationCode, sku, request, Http.ifMatch(ifMatch)).map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/adjustments")
    @APIResponse(responseCode = "201", description = "The ledger row of the adjustment",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LedgerEntryView.class)))
    @Operation(operationId = "adjustStock", summary = "Adjust stock",
            description = "Adds or removes units of a SKU at a location with a reason (a ledger row records it). Managers and "
                    + "integrations; 400 when on hand would fall below reserved or zero; Idempotency-Key honoured.")
    public Uni<RestResponse<LedgerEntryView>> adjust(@RequestBody(required = true) StockAdjustmentRequest request,
                                @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return stock.adjust(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @POST
    @Path("/holds")
    @APIResponse(responseCode = "201", description = "Stock held for the cart until expiresAt",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HoldView.class)))
    @Operation(operationId = "holdStock", summary = "Hold stock",
            description = "Reserves stock for a channel until a deadline (a cart or a quote), all lines or none. Sales, "
                    + "integrations and a partner for its own channel; 409 INSUFFICIENT_STOCK; Idempotency-Key honoured.")
    public Uni<RestResponse<HoldView>> hold(@RequestBody(required = true) CreateHoldRequest request,
                              @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return holds.create(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Path("/holds/{id}")
    @Operation(operationId = "getStockHold", summary = "Get a stock hold",
            description = "One stock hold with its lines and status. Every role; partners only their own channel's holds.")
    public Uni<RestResponse<HoldView>> getHold(@PathParam("id") String id) {
        return holds.get(caller.get(), Ids.parseOrNotFound(id, "hold")).map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/holds/{id}/release")
    @Operation(operationId = "releaseHold", summary = "Release a stock hold",
            description = "Releases an active hold's reservations at once. Sales, integrations and a partner for its own hold; "
                    + "409 INVALID_TRANSITION when it is no longer active.")
    public Uni<HoldView> release(@PathParam("id") String id) {
        return holds.release(caller.get(), Ids.parseOrNotFound(id, "hold"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
