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

@Path("/api/v1/channels/{id}/rebate-ledger")
@Authenticated
@Tag(name = ApiTags.REBATES, description = ApiTags.REBATES_TEXT)
public class RebateLedgerResource {

    private final RebateService service;
    private final CurrentCaller caller;

    public RebateLedgerResource(RebateService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listRebateLedger", summary = "A channel's rebate ledger",
            description = "Every movement of the channel's rebate balance, oldest first, paged by cursor: SETTLEMENT rows (one "
                    + "per programme and period; negative for a claw-back) and DRAW rows (REBATE payments). Managers, sales, "
                    + "integrations, admins; a partner only for its own channel (others 404).")
    public Uni<Page<RebateLedgerEntryView>> ledger(@PathParam("id") String id, @QueryParam("limit") String limit,
                                                   @QueryParam("cursor") String cursor) {
        return service.ledger(caller.get(), Ids.parseOrNotFound(id, "channel"), PageRequest.of(limit, cursor));
    }
}
