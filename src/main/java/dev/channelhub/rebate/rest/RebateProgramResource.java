package dev.channelhub.rebate.rest;

import dev.channelhub.rebate.*;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/rebate-programs")
@Authenticated
@Tag(name = ApiTags.REBATES, description = ApiTags.REBATES_TEXT)
public class RebateProgramResource {

    private final RebateService service;
    private final CurrentCaller caller;

    public RebateProgramResource(RebateService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @APIResponse(responseCode = "201", description = "Created (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RebateProgramView.class)))
    @Operation(operationId = "createRebateProgram", summary = "Create a rebate programme",
            description = "A programme with a scope of channels (like a price list's), optional SKU/category eligibility, validity "
                    + "dates, a MONTH or QUARTER period and tiers {minRevenue, percent}. Managers and admins (403 otherwise); "
                    + "409 DUPLICATE for a code in use, 400 VALIDATION_FAILED for bad dates or two tiers with one minRevenue; "
                    + "Idempotency-Key honoured.")
    public Uni<RestResponse<RebateProgramView>> create(@RequestBody(required = true) CreateRebateProgramRequest request,
                                                       @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.create(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Operation(operationId = "listRebatePrograms", summary = "List rebate programmes",
            description = "Every rebate programme of the tenant in creation order, paged by cursor. Managers, sales, integrations "
                    + "and admins; partners read theirs through GET /me/rebates (403 here).")
    public Uni<Page<RebateProgramView>> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRebateProgram", summary = "Get a rebate programme",
            description = "One rebate programme. Every role; a partner only a programme its channel is in (others 404).")
    public Uni<RestResponse<RebateProgramView>> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "rebate programme")).map(v -> Http.ok(v, v.version()));
    }

    @GET
    @Path("/{id}/preview")
    @Operation(operationId = "previewRebateProgram", summary = "Preview a period's rebates",
            description = "For each channel in scope: the eligible revenue of the period (paid amounts on eligible lines less "
                    + "refunds, docs/KPIS.md), the tier reached, its percent and the rebate. Writes nothing. period is yyyy-MM for "
                    + "a MONTH programme, yyyy-Qn for a QUARTER one, and must overlap the programme's validity (400 otherwise). "
                    + "Every role; a partner sees only its own row of a programme its channel is in (others 404).")
    public Uni<RebatePreview> preview(@PathParam("id") String id, @QueryParam("period") String period) {
        return service.preview(caller.get(), Ids.parseOrNotFound(id, "rebate programme"), period);
    }

    @POST
    @Path("/{id}/settle")
    @APIResponse(responseCode = "201", description = "Settled (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RebateSettlementView.class)))
    @Operation(operationId = "settleRebateProgram", summary = "Settle a period's rebates",
            description = "Writes each channel's rebate for the period to its rebate balance, one ledger row per channel in scope "
                    + "(a negative row claws back refunds of settled revenue), and emits rebate.settled per channel. Exactly once "
                    + "per programme and period: again, or concurrently, 409 ALREADY_SETTLED. Managers and admins (403 "
                    + "otherwise; 404 for a partner outside the scope); Idempotency-Key honoured.")
    public Uni<RestResponse<RebateSettlementView>> settle(@PathParam("id") String id, @RequestBody(required = true) SettleRebateRequest request,
                                                          @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.settle(caller.get(), Ids.parseOrNotFound(id, "rebate programme"), request, idempotencyKey).map(Http::outcome);
    }
}
