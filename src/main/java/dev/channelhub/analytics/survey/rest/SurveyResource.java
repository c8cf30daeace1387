package dev.channelhub.analytics.survey.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.channelhub.analytics.survey.NpsResponseView;
import dev.channelhub.analytics.survey.RecordNpsRequest;
import dev.channelhub.analytics.survey.SurveyService;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/surveys")
@Authenticated
@Tag(name = ApiTags.SURVEYS, description = ApiTags.SURVEYS_TEXT)
public class SurveyResource {

    @Inject
    SurveyService service;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("/nps")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NpsResponseView.class)))
    @Operation(operationId = "recordNps", summary = "Record an NPS answer",
            description = "Records one Net Promoter Score answer (0-10) for a channel, which feeds the channel scorecard. "
                    + "Managers, sales, integrations and a partner for its own channel; 400 on a score outside 0-10, 404 "
                    + "for a channel the caller cannot see.")
    public Uni<RestResponse<NpsResponseView>> recordNps(@RequestBody(required = true) RecordNpsRequest request,
                                   @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.recordNps(caller.get(), request, idempotencyKey).map(Http::outcome);
    }
}
