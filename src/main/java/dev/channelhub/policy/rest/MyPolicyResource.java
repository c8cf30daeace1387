package dev.channelhub.policy.rest;

import dev.channelhub.policy.InboxItem;
import dev.channelhub.policy.PolicyKind;
import dev.channelhub.policy.PolicyService;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Params;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The partner's policy inbox. */
@Path("/api/v1/me/policies")
@Authenticated
@Tag(name = ApiTags.POLICIES, description = ApiTags.POLICIES_TEXT)
public class MyPolicyResource {

    @Inject
    PolicyService service;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listMyPolicies", summary = "The partner's policy inbox",
            description = "The policies that target the calling partner's channel, unread first then newest, with read and "
                    + "acknowledgement state. Partners only (403 for other roles).")
    public Uni<Page<InboxItem>> inbox(@QueryParam("kind") String kind, @QueryParam("limit") String limit,
                                      @QueryParam("cursor") String cursor) {
        return service.inbox(caller.get(), Params.enumValue(PolicyKind.class, kind, "kind"), PageRequest.of(limit, cursor));
    }
}
