package dev.channelhub.analytics.survey.graphql;

import dev.channelhub.analytics.survey.NpsResponseView;
import dev.channelhub.analytics.survey.RecordNpsRequest;
import dev.channelhub.analytics.survey.SurveyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

@GraphQLApi
@CodedErrors
public class SurveyGraphQL {

    @Inject
    SurveyService service;

    @Inject
    CurrentCaller caller;

    @Mutation("recordNps")
    public Uni<NpsResponseView> recordNps(@NonNull RecordNpsRequest input, String idempotencyKey) {
        return service.recordNps(caller.get(), input, idempotencyKey).map(Outcome::body);
    }
}
