package dev.channelhub.funds.rest;

import dev.channelhub.funds.ExpenseClaimFilter;
import dev.channelhub.funds.ExpenseClaimService;
import dev.channelhub.funds.ExpenseClaimStatus;
import dev.channelhub.funds.ExpenseClaimView;
import dev.channelhub.funds.RejectExpenseClaimRequest;
import dev.channelhub.funds.SubmitExpenseClaimRequest;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.time.Period;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import dev.channelhub.shared.web.Params;
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

@Path("/api/v1/expense-claims")
@Authenticated
@Tag(name = ApiTags.MARKET_FUNDS, description = ApiTags.MARKET_FUNDS_TEXT)
public class ExpenseClaimResource {

    private final ExpenseClaimService service;
    private final CurrentCaller caller;

    public ExpenseClaimResource(ExpenseClaimService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @APIResponse(responseCode = "201", description = "Submitted (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExpenseClaimView.class)))
    @Operation(operationId = "submitExpenseClaim", summary = "Submit an expense claim",
            description = "Claims an amount (in the channel's currency) against the channel's market-fund budget of the period; "
                    + "status SUBMITTED. A partner for its own channel only (another channel: 400 channelId), sales, managers and "
                    + "admins for any; Idempotency-Key honoured. 400 for a malformed period, a non-positive amount or more decimals "
                    + "than the currency has.")
    public Uni<RestResponse<ExpenseClaimView>> submit(@RequestBody(required = true) SubmitExpenseClaimRequest request,
                                                      @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.submit(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Operation(operationId = "listExpenseClaims", summary = "List expense claims",
            description = "Expense claims in submission order, filtered by status, channel and period, paged by cursor. Every role; "
                    + "a partner only its own channel's.")
    public Uni<Page<ExpenseClaimView>> list(@QueryParam("status") String status, @QueryParam("channelId") String channelId,
                                            @QueryParam("period") String period, @QueryParam("limit") String limit,
                                            @QueryParam("cursor") String cursor) {
        ExpenseClaimFilter filter = new ExpenseClaimFilter(Params.enumValue(ExpenseClaimStatus.class, status, "status"),
                Ids.parseNullable(channelId, "channelId"), Period.parseNullable(period, "period"));
        return service.list(caller.get(), filter, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getExpenseClaim", summary = "Get an expense claim",
            description = "One expense claim, its version as ETag. Every role; a partner only its own channel's (others 404).")
    public Uni<RestResponse<ExpenseClaimView>> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "expense claim")).map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/{id}/approve")
    @Operation(operationId = "approveExpenseClaim", summary = "Approve an expense claim",
            description = "SUBMITTED → APPROVED and the claim's FUNDS channel cost (dated the first day of its period), in one "
                    + "transaction. 422 BUDGET_EXCEEDED when the channel's approved claims of the period plus this one would exceed "
                    + "its budget (none set: 0), also under concurrent approvals; 409 INVALID_TRANSITION for a claim already "
                    + "decided. Managers and admins.")
    public Uni<ExpenseClaimView> approve(@PathParam("id") String id) {
        return service.approve(caller.get(), Ids.parseOrNotFound(id, "expense claim"));
    }

    @POST
    @Path("/{id}/reject")
    @Operation(operationId = "rejectExpenseClaim", summary = "Reject an expense claim",
            description = "SUBMITTED → REJECTED with a reason; nothing is charged to the budget. 409 INVALID_TRANSITION for a claim "
                    + "already decided. Managers and admins.")
    public Uni<ExpenseClaimView> reject(@PathParam("id") String id, @RequestBody(required = true) RejectExpenseClaimRequest request) {
        return service.reject(caller.get(), Ids.parseOrNotFound(id, "expense claim"), request);
    }
}
