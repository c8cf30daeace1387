package dev.channelhub.customer.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.channelhub.customer.IdentifyResult;
import dev.channelhub.customer.AddTouchpointRequest;
import dev.channelhub.customer.Customer360;
import dev.channelhub.customer.CustomerInsightService;
import dev.channelhub.customer.CustomerPatch;
import dev.channelhub.customer.CustomerService;
import dev.channelhub.customer.CustomerStatus;
import dev.channelhub.customer.CustomerView;
import dev.channelhub.customer.HistoryEntry;
import dev.channelhub.customer.IdentifyRequest;
import dev.channelhub.customer.MergeRequest;
import dev.channelhub.customer.MergeResult;
import dev.channelhub.customer.MergeSuggestionService;
import dev.channelhub.customer.MergeSuggestionStatus;
import dev.channelhub.customer.MergeSuggestionView;
import dev.channelhub.customer.TouchpointView;
import dev.channelhub.customer.UnmergeRequest;
import dev.channelhub.customer.UnmergeResult;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import dev.channelhub.shared.web.Params;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers")
@Authenticated
@Tag(name = ApiTags.CUSTOMERS, description = ApiTags.CUSTOMERS_TEXT)
public class CustomerResource {

    @Inject
    CustomerService service;

    @Inject
    CustomerInsightService insights;

    @Inject
    MergeSuggestionService suggestions;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("/identify")
    @APIResponse(responseCode = "201", description = "A new customer: no identity was known",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IdentifyResult.class)))
    @APIResponse(responseCode = "200", description = "The known customer (new identities attached; several matches merged into the oldest, "
            + "except for a partner: it gets the oldest, nothing is merged and a merge suggestion is recorded)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IdentifyResult.class)))
    @Operation(operationId = "identifyCustomer", summary = "Identify a customer",
            description = "Finds the customer the identities point to, creates one (201) or merges several into the oldest "
                    + "(200, mergedFrom). Sales, integrations and partners (a partner's identify never merges: it gets the oldest and a merge suggestion is recorded); 400 on an "
                    + "invalid identity.")
    public Uni<RestResponse<IdentifyResult>> identify(@RequestBody(required = true) IdentifyRequest request,
                                  @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.identify(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    // Literal paths before /{id}: JAX-RS prefers the literal segment, so "merge-suggestions" is never read as an id.

    @GET
    @Path("/merge-suggestions")
    @Operation(operationId = "listCustomerMergeSuggestions", summary = "Merge suggestions left by partners' identify calls (sales, manager, admin)",
            description = "A partner's identify never merges: when its identities point to several customers it gets the oldest "
                    + "and a suggestion is recorded here. Oldest first; ?status=OPEN|ACCEPTED|DISMISSED")
    public Uni<Page<MergeSuggestionView>> mergeSuggestions(
            @Parameter(description = "OPEN, ACCEPTED or DISMISSED; all when absent") @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return suggestions.list(caller.get(), Params.enumValue(MergeSuggestionStatus.class, status, "status"),
                PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/merge-suggestions/{id}/accept")
    @Operation(operationId = "acceptCustomerMergeSuggestion", summary = "Accept a merge suggestion: the customers are merged into the oldest (sales, manager, admin)",
            description = "Runs the merge use case (lineage, orders, leads, deals move; event customer.merged) and marks the "
                    + "suggestion ACCEPTED. A decided suggestion, or one whose customers are no longer all ACTIVE, is 409 "
                    + "INVALID_TRANSITION (dismiss a stale one)")
    public Uni<MergeSuggestionView> acceptMergeSuggestion(@PathParam("id") String id) {
        return suggestions.accept(caller.get(), Ids.parseOrNotFound(id, "merge suggestion"));
    }

    @POST
    @Path("/merge-suggestions/{id}/dismiss")
    @Operation(operationId = "dismissCustomerMergeSuggestion", summary = "Dismiss a merge suggestion: nothing is merged (sales, manager, admin)",
            description = "A decided suggestion is 409 INVALID_TRANSITION")
    public Uni<MergeSuggestionView> dismissMergeSuggestion(@PathParam("id") String id) {
        return suggestions.dismiss(caller.get(), Ids.parseOrNotFound(id, "merge suggestion"));
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The customer; a merged one answers with status MERGED and mergedInto. "
            + "A partner gets its projection: see the Customer schema",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CustomerView.class)))
    @Operation(operationId = "getCustomer", summary = "Get a customer",
            description = "One customer (a merged id answers with status MERGED and mergedInto), with its version as ETag. "
                    + "Managers, sales, integrations; partners only a customer linked to their channel, as a projection "
                    + "(others 404).")
    public Uni<RestResponse<CustomerView>> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "customer")).map(v -> Http.ok(v, v.version()));
    }

    @GET
    @Operation(operationId = "listCustomers", summary = "Search customers",
            description = "Customers by name prefix or any normalised identity, channel and group, paged by cursor. Managers, "
                    + "sales, integrations; partners only customers linked to their channel.")
    public Uni<Page<CustomerView>> search(
            @Parameter(description = "Name prefix, or a phone / e-mail / WeChat id / system:id, normalised as identify does")
            @QueryParam("q") String q,
            @Parameter(description = "Customers seen by (or owned by) this channel") @QueryParam("channelId") String channelId,
            @QueryParam("group") String group,
            @Parameter(description = "ACTIVE (default) or MERGED") @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.search(caller.get(), q, Ids.parseNullable(channelId, "channelId"), group,
                Params.enumValue(CustomerStatus.class, status, "status"), PageRequest.of(limit, cursor));
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateCustomer", summary = "Update a customer",
            description = "JSON merge-patch of a customer; If-Match is honoured (412 VERSION_CONFLICT). Sales, integrations, "
                    + "and a partner for a customer its channel owns (403 otherwise).")
    public Uni<RestResponse<CustomerView>> update(@PathParam("id") String id, @RequestBody(required = true) CustomerPatch patch,
                                @HeaderParam(Http.IF_MATCH) String ifMatch) {
        Integer expected = Http.ifMatch(ifMatch);
        return service.update(caller.get(), Ids.parseOrNotFound(id, "customer"), patch, expected).map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/{id}/merge")
    @APIResponse(responseCode = "200", description = "The survivor; the sources are now MERGED into it")
    @Operation(operationId = "mergeCustomers", summary = "Merge customers",
            description = "Folds the source customers into this one: they become MERGED and their identities, orders, leads and"
                    + " touchpoints move. Sales (and admin); 409 INVALID_TRANSITION for an already merged customer.")
    public Uni<MergeResult> merge(@PathParam("id") String id, @RequestBody(required = true) MergeRequest request) {
        return service.merge(caller.get(), Ids.parseOrNotFound(id, "customer"), request);
    }

    @POST
    @Path("/{id}/unmerge")
    @APIResponse(responseCode = "200", description = "The survivor and the restored source")
    @Operation(operationId = "unmergeCustomer", summary = "Undo a merge",
            description = "Restores a customer that was merged into this one, with the rows that moved. Sales (and admin); 409 "
                    + "INVALID_TRANSITION when it was not merged here.")
    public Uni<UnmergeResult> unmerge(@PathParam("id") String id, @RequestBody(required = true) UnmergeRequest request) {
        return service.unmerge(caller.get(), Ids.parseOrNotFound(id, "customer"), request);
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "listCustomerHistory", summary = "List a customer's history",
            description = "Created, merged, unmerged and updated entries with actor and reason, oldest first. Whoever may read "
                    + "the customer.")
    public Uni<Page<HistoryEntry>> history(@PathParam("id") String id, @QueryParam("limit") String limit,
                                           @QueryParam("cursor") String cursor) {
        return service.history(caller.get(), Ids.parseOrNotFound(id, "customer"), PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{id}/touchpoints")
    @APIResponse(responseCode = "201", description = "Recorded (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TouchpointView.class)))
    @Operation(operationId = "addTouchpoint", summary = "Record a touchpoint",
            description = "Records a visit, inquiry, call, purchase, service or campaign contact with a customer through a "
                    + "channel. Sales, integrations and partners (their own channel); Idempotency-Key honoured.")
    public Uni<RestResponse<TouchpointView>> addTouchpoint(@PathParam("id") String id, @RequestBody(required = true) AddTouchpointRequest request,
                                       @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.addTouchpoint(caller.get(), Ids.parseOrNotFound(id, "customer"), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Path("/{id}/touchpoints")
    @Operation(operationId = "listTouchpoints", summary = "List a customer's touchpoints",
            description = "The customer's touchpoints, paged by cursor; partners see only those of their own channel.")
    public Uni<Page<TouchpointView>> touchpoints(@PathParam("id") String id, @QueryParam("limit") String limit,
                                                 @QueryParam("cursor") String cursor) {
        return service.touchpoints(caller.get(), Ids.parseOrNotFound(id, "customer"), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}/360")
    @Operation(operationId = "getCustomer360", summary = "A customer's 360° view",
            description = "Identities, channels, order figures, recent orders, open leads, recent touchpoints and lifetime "
                    + "value of one customer. Whoever may read the customer; partners see their own channel's part only.")
    public Uni<Customer360> view360(@PathParam("id") String id) {
        return insights.view(caller.get(), Ids.parseOrNotFound(id, "customer"));
    }
}
