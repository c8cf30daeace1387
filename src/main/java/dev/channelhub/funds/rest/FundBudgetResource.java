package dev.channelhub.funds.rest;

import dev.channelhub.funds.FundBudgetService;
import dev.channelhub.funds.FundBudgetView;
import dev.channelhub.funds.SetFundBudgetRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/channels/{id}/fund-budgets/{period}")
@Authenticated
@Tag(name = ApiTags.MARKET_FUNDS, description = ApiTags.MARKET_FUNDS_TEXT)
public class FundBudgetResource {

    private final FundBudgetService service;
    private final CurrentCaller caller;

    public FundBudgetResource(FundBudgetService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @PUT
    @Operation(operationId = "setFundBudget", summary = "Set a channel's market-fund budget for a period",
            description = "Creates or replaces the budget of the channel for the period (2026, 2026-Q4 or 2026-12) in the channel's "
                    + "currency; If-Match honoured (412 VERSION_CONFLICT). 422 BUDGET_EXCEEDED when the amount is below what approved "
                    + "claims of that channel and period already use; 400 for a malformed period or more decimals than the currency has. "
                    + "Managers and admins; 404 for an unknown channel.")
    public Uni<RestResponse<FundBudgetView>> set(@PathParam("id") String id, @PathParam("period") String period,
                                                 @RequestBody(required = true) SetFundBudgetRequest request,
                                                 @HeaderParam(Http.IF_MATCH) String ifMatch) {
        Integer expected = Http.ifMatch(ifMatch);
        return service.set(caller.get(), Ids.parseOrNotFound(id, "channel"), period, request, expected).map(v -> Http.ok(v, v.version()));
    }

    @GET
    @Operation(operationId = "getFundBudget", summary = "A channel's market-fund budget for a period",
            description = "The budget's amount, the sum of its APPROVED claims and what remains (amount − approved), its version as "
                    + "ETag; 404 when no budget is set. Every role; a partner only its own channel's (others 404).")
    public Uni<RestResponse<FundBudgetView>> get(@PathParam("id") String id, @PathParam("period") String period) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "channel"), period).map(v -> Http.ok(v, v.version()));
    }
}
