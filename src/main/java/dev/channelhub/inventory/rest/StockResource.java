package dev.channelhub.inventory.rest;

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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stock")
@Authenticated
@Tag(name = "Inventory")
public class StockResource {

    @Inject
    StockService stock;

    @Inject
    HoldService holds;

    @Inject
    CurrentCaller caller;

    @GET
    public Uni<StockView> stock(@QueryParam("sku") String sku, @QueryParam("channelId") String channelId) {
        return stock.stock(caller.get(), sku, Ids.parseNullable(channelId, "channelId"));
    }

    @GET
    @Path("/ledger")
    public Uni<Page<LedgerEntryView>> ledger(@QueryParam("sku") String sku, @QueryParam("locationCode") String locationCode,
                                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return stock.ledger(caller.get(), blankToNull(sku), blankToNull(locationCode), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{locationCode}/{sku}")
    public Uni<Response> level(@PathParam("locationCode") String locationCode, @PathParam("sku") String sku) {
        return stock.level(caller.get(), locationCode, sku).map(v -> Http.ok(v, v.version()));
    }

    @PUT
    @Path("/{locationCode}/{sku}")
    public Uni<Response> set(@PathParam("locationCode") String locationCode, @PathParam("sku") String sku,
                             @RequestBody(required = true) SetStockRequest request, @HeaderParam(Http.IF_MATCH) String ifMatch) {
        return stock.set(caller.get(), locationCode, sku, request, Http.ifMatch(ifMatch)).map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/adjustments")
    @APIResponse(responseCode = "201", description = "The ledger row of the adjustment")
    public Uni<Response> adjust(@RequestBody(required = true) StockAdjustmentRequest request,
                                @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return stock.adjust(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @POST
    @Path("/holds")
    @APIResponse(responseCode = "201", description = "Stock held for the cart until expiresAt")
    public Uni<Response> hold(@RequestBody(required = true) CreateHoldRequest request,
                              @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return holds.create(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Path("/holds/{id}")
    public Uni<Response> getHold(@PathParam("id") String id) {
        return holds.get(caller.get(), Ids.parseOrNotFound(id, "hold")).map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/holds/{id}/release")
    public Uni<HoldView> release(@PathParam("id") String id) {
        return holds.release(caller.get(), Ids.parseOrNotFound(id, "hold"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
