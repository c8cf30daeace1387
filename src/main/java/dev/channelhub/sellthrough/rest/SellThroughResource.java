package dev.channelhub.sellthrough.rest;

import dev.channelhub.sellthrough.ReportSellOutRequest;
import dev.channelhub.sellthrough.SellOutReportView;
import dev.channelhub.sellthrough.SellThroughService;
import dev.channelhub.sellthrough.StockReportRequest;
import dev.channelhub.sellthrough.StockReportView;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/channels/{id}")
@Authenticated
@Tag(name = ApiTags.SELL_THROUGH, description = ApiTags.SELL_THROUGH_TEXT)
public class SellThroughResource {

    @Inject
    SellThroughService service;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("/sell-out")
    @APIResponse(responseCode = "201", description = "Recorded (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SellOutReportView.class)))
    @Operation(operationId = "reportSellOut", summary = "Report units a channel sold (sell-out lines)",
            description = "Records sell-out lines (SKU, date, quantity, optional customer) of a channel, at most 5,000 per call "
                    + "(larger files: POST /imports/sell-out), and emits sellOut.reported. A partner for its own channel only "
                    + "(another channel 404); managers, sales and integrations for any channel. 400 VALIDATION_FAILED names every "
                    + "line with an unknown SKU or customer, and nothing is recorded. Idempotency-Key honoured.")
    public Uni<RestResponse<SellOutReportView>> reportSellOut(@PathParam("id") String id,
                                                               @RequestBody(required = true) ReportSellOutRequest request,
                                                               @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.reportSellOut(caller.get(), Ids.parseOrNotFound(id, "channel"), request, idempotencyKey).map(Http::outcome);
    }

    @PUT
    @Path("/stock-reports/{date}")
    @Operation(operationId = "reportStock", summary = "Report what a channel holds on a date (its stock snapshot)",
            description = "Replaces the channel's stock snapshot of one date (SKUs left out are removed from that date) and "
                    + "emits stockReport.reported; the channel-inventory report uses each SKU's latest snapshot on or before "
                    + "its period's end. A partner for its own channel only (another channel 404); managers, sales and "
                    + "integrations for any channel. 400 VALIDATION_FAILED for a bad date, a SKU given twice, or an unknown "
                    + "SKU (every such line named).")
    public Uni<StockReportView> reportStock(@PathParam("id") String id, @PathParam("date") String date,
                                            @RequestBody(required = true) StockReportRequest request) {
        return service.reportStock(caller.get(), Ids.parseOrNotFound(id, "channel"), date, request);
    }
}
