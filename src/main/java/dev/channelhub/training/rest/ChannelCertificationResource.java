package dev.channelhub.training.rest;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.training.CertificationView;
import dev.channelhub.training.CourseService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/channels/{id}/certifications")
@Authenticated
@Tag(name = ApiTags.TRAINING, description = ApiTags.TRAINING_TEXT)
public class ChannelCertificationResource {

    private final CourseService service;
    private final CurrentCaller caller;

    public ChannelCertificationResource(CourseService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listChannelCertifications", summary = "A channel's certifications",
            description = "The certifications a channel's learners hold, in the order they were given, paged by cursor; valid=true "
                    + "keeps those valid now (no expiry, or expiring later). Every role; a partner only for its own channel "
                    + "(others 404).")
    public Uni<Page<CertificationView>> list(@PathParam("id") String id, @QueryParam("valid") String valid,
                                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.ofChannel(caller.get(), Ids.parseOrNotFound(id, "channel"), bool(valid), PageRequest.of(limit, cursor));
    }

    private static boolean bool(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid("valid", "must be true or false");
        };
    }
}
