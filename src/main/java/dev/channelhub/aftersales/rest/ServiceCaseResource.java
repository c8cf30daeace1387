package dev.channelhub.aftersales.rest;

import dev.channelhub.aftersales.AfterSalesEventView;
import dev.channelhub.aftersales.OpenServiceCaseRequest;
import dev.channelhub.aftersales.ReassignServiceCaseRequest;
import dev.channelhub.aftersales.SatisfactionRequest;
import dev.channelhub.aftersales.ServiceCaseCommentRequest;
import dev.channelhub.aftersales.ServiceCaseCommentView;
import dev.channelhub.aftersales.ServiceCaseFilter;
import dev.channelhub.aftersales.ServiceCaseService;
import dev.channelhub.aftersales.ServiceCaseStatus;
import dev.channelhub.aftersales.ServiceCaseTransitionRequest;
import dev.channelhub.aftersales.ServiceCaseView;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
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

@Path("/api/v1/service-cases")
@Authenticated
@Tag(name = ApiTags.SERVICE_CASES, description = ApiTags.SERVICE_CASES_TEXT)
public class ServiceCaseResource {

    private final ServiceCaseService service;
    private final CurrentCaller caller;

    public ServiceCaseResource(ServiceCaseService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @APIResponse(responseCode = "201", description = "Opened (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ServiceCaseView.class)))
    @Operation(operationId = "openServiceCase", summary = "Open a service case",
            description = "Opens a case (status OPEN) assigned to the serving channel: the order's channel when orderId is given, "
                    + "else the customer's owner channel, else channelId (none of them: 400 VALIDATION_FAILED). dueAt = now + the "
                    + "tenant's SLA hours for the priority (default NORMAL). Managers, sales, integrations, and a partner for its own "
                    + "channel's orders and customers (403 otherwise); Idempotency-Key honoured.")
    public Uni<RestResponse<ServiceCaseView>> open(@RequestBody(required = true) OpenServiceCaseRequest request,
                                                   @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.open(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Operation(operationId = "listServiceCases", summary = "List service cases",
            description = "Service cases in creation order, filtered by status, assigned channel, customer and overdue, paged by "
                    + "cursor. Every role; a partner only the cases assigned to its channel.")
    public Uni<Page<ServiceCaseView>> list(@QueryParam("status") String status, @QueryParam("assignedChannelId") String assignedChannelId,
                                           @QueryParam("customerId") String customerId, @QueryParam("overdue") String overdue,
                                           @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        ServiceCaseFilter filter = new ServiceCaseFilter(Params.enumValue(ServiceCaseStatus.class, status, "status"),
                Ids.parseNullable(assignedChannelId, "assignedChannelId"), Ids.parseNullable(customerId, "customerId"), bool(overdue));
        return service.list(caller.get(), filter, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getServiceCase", summary = "Get a service case",
            description = "One service case with its SLA state, its version as ETag. Every role; a partner only cases assigned "
                    + "to its channel (others 404).")
    public Uni<RestResponse<ServiceCaseView>> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "service case")).map(v -> Http.ok(v, v.version()));
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(operationId = "getServiceCaseTimeline", summary = "A service case's timeline",
            description = "Every step of the case (opened, transitions, comments, reassignment, satisfaction, overdue) with time, "
                    + "actor and details, paged by cursor. Every role; partners only cases assigned to their channel (others 404).")
    public Uni<Page<AfterSalesEventView>> timeline(@PathParam("id") String id, @QueryParam("limit") String limit,
                                                   @QueryParam("cursor") String cursor) {
        return service.timeline(caller.get(), Ids.parseOrNotFound(id, "service case"), PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{id}/transition")
    @Operation(operationId = "transitionServiceCase", summary = "Move a service case",
            description = "OPEN → IN_PROGRESS → RESOLVED → CLOSED, RESOLVED → IN_PROGRESS (reopen), OPEN | IN_PROGRESS → "
                    + "CANCELLED; anything else 409 INVALID_TRANSITION. Managers, sales, integrations, and the partner the case is "
                    + "assigned to (others 404).")
    public Uni<ServiceCaseView> transition(@PathParam("id") String id, @RequestBody(required = true) ServiceCaseTransitionRequest request) {
        return service.transition(caller.get(), Ids.parseOrNotFound(id, "service case"), request);
    }

    @GET
    @Path("/{id}/comments")
    @Operation(operationId = "listServiceCaseComments", summary = "A service case's comments",
            description = "The comments of a case, oldest first. Every role; partners only cases assigned to their channel.")
    public Uni<Page<ServiceCaseCommentView>> comments(@PathParam("id") String id) {
        return service.comments(caller.get(), Ids.parseOrNotFound(id, "service case"));
    }

    @POST
    @Path("/{id}/comments")
    @APIResponse(responseCode = "201", description = "The comment",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ServiceCaseCommentView.class)))
    @Operation(operationId = "commentServiceCase", summary = "Comment on a service case",
            description = "Adds a comment with its author. Managers, sales, integrations, and the partner the case is assigned to "
                    + "(others 404).")
    public Uni<RestResponse<ServiceCaseCommentView>> comment(@PathParam("id") String id,
                                                             @RequestBody(required = true) ServiceCaseCommentRequest request) {
        return service.comment(caller.get(), Ids.parseOrNotFound(id, "service case"), request)
                .map(v -> RestResponse.ResponseBuilder.<ServiceCaseCommentView>create(201).entity(v).build());
    }

    @POST
    @Path("/{id}/reassign")
    @Operation(operationId = "reassignServiceCase", summary = "Reassign a service case",
            description = "Hands the case to another channel (both channels get the serviceCase.reassigned event). Managers and "
                    + "admins; 400 for an unknown channel.")
    public Uni<ServiceCaseView> reassign(@PathParam("id") String id, @RequestBody(required = true) ReassignServiceCaseRequest request) {
        return service.reassign(caller.get(), Ids.parseOrNotFound(id, "service case"), request);
    }

    @POST
    @Path("/{id}/satisfaction")
    @Operation(operationId = "rateServiceCase", summary = "Record the customer's satisfaction",
            description = "One score from 1 to 5 (and a comment) once the case is RESOLVED or CLOSED (409 INVALID_TRANSITION "
                    + "before); a second score → 409 DUPLICATE. Managers, sales, integrations, and the partner the case is assigned to.")
    public Uni<ServiceCaseView> rate(@PathParam("id") String id, @RequestBody(required = true) SatisfactionRequest request) {
        return service.rate(caller.get(), Ids.parseOrNotFound(id, "service case"), request);
    }

    private static Boolean bool(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid("overdue", "must be true or false");
        };
    }
}
