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

@Path("/api/v1/me/rebates")
@Authenticated
@Tag(name = ApiTags.REBATES, description = ApiTags.REBATES_TEXT)
public class MyRebatesResource {

    private final RebateService service;
    private final CurrentCaller caller;

    public MyRebatesResource(RebateService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "myRebates", summary = "The partner's rebates",
            description = "The calling partner's rebate balance, its ledger's first page (oldest first; the rest through "
                    + "GET /channels/{id}/rebate-ledger) and, for each programme its channel is in and that is valid today, a "
                    + "preview of the current period. Partners only (403 for other roles).")
    public Uni<MyRebatesView> mine() {
        return service.mine(caller.get());
    }
}
