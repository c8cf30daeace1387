package dev.channelhub.training.rest;

import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import dev.channelhub.training.CompleteCourseRequest;
import dev.channelhub.training.CompletionView;
import dev.channelhub.training.CourseService;
import dev.channelhub.training.CourseView;
import dev.channelhub.training.CreateCourseRequest;
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

@Path("/api/v1/courses")
@Authenticated
@Tag(name = ApiTags.TRAINING, description = ApiTags.TRAINING_TEXT)
public class CourseResource {

    private final CourseService service;
    private final CurrentCaller caller;

    public CourseResource(CourseService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @APIResponse(responseCode = "201", description = "Created (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CourseView.class)))
    @Operation(operationId = "createCourse", summary = "Create a course",
            description = "A course with its materials, passing score (0-100) and how many days a certification lasts (none: it "
                    + "never expires). Managers and admins; a code in use is 409 DUPLICATE. Emits course.created; Idempotency-Key "
                    + "honoured.")
    public Uni<RestResponse<CourseView>> create(@RequestBody(required = true) CreateCourseRequest request,
                                                @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.create(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Operation(operationId = "listCourses", summary = "List courses",
            description = "Courses in creation order, paged by cursor. Every role (partners take them).")
    public Uni<Page<CourseView>> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCourse", summary = "Get a course",
            description = "One course with its materials, its version as ETag. Every role; an unknown id is 404.")
    public Uni<RestResponse<CourseView>> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "course")).map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/{id}/completions")
    @APIResponse(responseCode = "201", description = "Recorded (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CompletionView.class)))
    @Operation(operationId = "completeCourse", summary = "Record a course completion",
            description = "Records a learner's attempt for a channel. A score at or above the course's passingScore certifies the "
                    + "learner for the channel (certification set; expiresAt = now + certificationValidDays, none when unset). "
                    + "Managers and admins for any channel, a partner for its own channel only (another channel: 400 "
                    + "VALIDATION_FAILED on channelId); unknown course 404. Emits course.completed and, when passed, "
                    + "certification.issued; Idempotency-Key honoured.")
    public Uni<RestResponse<CompletionView>> complete(@PathParam("id") String id, @RequestBody(required = true) CompleteCourseRequest request,
                                                      @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.complete(caller.get(), Ids.parseOrNotFound(id, "course"), request, idempotencyKey).map(Http::outcome);
    }
}
