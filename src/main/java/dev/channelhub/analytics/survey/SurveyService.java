package dev.channelhub.analytics.survey;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.customer.CustomerInsightService;
import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.validation.RequestValidator;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Collects NPS answers, the one input the insight feature owns (the scorecard reads them); the rest of
 * analytics only reads. A partner records answers for its own channel.
 */
@ApplicationScoped
public class SurveyService {

    @Inject
    ChannelService channels;

    @Inject
    CustomerInsightService customers;

    @Inject
    RequestValidator validator;

    @Inject
    IdempotencyService idempotency;

    @Inject
    EventOutbox outbox;

    public Uni<Outcome<NpsResponseView>> recordNps(Caller caller, RecordNpsRequest request, String idempotencyKey) {
        caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER);
        validator.check(request);
        UUID channelId = Ids.parse(request.channelId(), "channelId");
        UUID customerId = Ids.parseNullable(request.customerId(), "customerId");
        if (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId())) {
            throw ApiException.invalid("channelId", "no such channel");
        }
        // One Hibernate Reactive transaction: the answer, survey.nps_recorded and the idempotency answer commit together
        // (docs/DEVELOPING.md "Persistence"). The channel and customer checks are reads on the pool, before it.
        return idempotency.runRecording(caller, idempotencyKey, "POST /surveys/nps", request, NpsResponseView.class, completion ->
                channels.get(caller, channelId)
                        .onFailure(t -> t instanceof ApiException a && a.code() == ErrorCode.NOT_FOUND)
                        .transform(t -> ApiException.invalid("channelId", "no such channel"))
                        // a partner answers for customers it sold to: one it cannot see is 404, one without its order 400
                        .call(channel -> customerId == null ? Uni.createFrom().voidItem()
                                : customers.requireOrderThrough(caller, customerId, channelId, "customerId"))
                        .flatMap(channel -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> {
                            NpsResponseEntity answer = new NpsResponseEntity();
                            answer.tenantId = caller.tenant();
                            answer.id = Ids.newId();
                            answer.channelId = channelId;
                            answer.customerId = customerId;
                            answer.score = request.score().shortValue();
                            answer.comment = request.comment();
                            answer.recordedBy = caller.subject();
                            answer.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                            return session.persist(answer).call(session::flush)
                                    .map(x -> answer.toView())
                                    .call(view -> outbox.append(session, caller, "survey.nps_recorded", "channel", channelId, channelId, view))
                                    .flatMap(view -> completion.record(session, Outcome.created(view)));
                        }))));
    }
}
