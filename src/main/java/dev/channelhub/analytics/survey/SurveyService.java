package dev.channelhub.analytics.survey;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.customer.CustomerInsightService;
import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.validation.RequestValidator;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Collects NPS answers, the one input the insight feature owns (the scorecard reads them); the rest of
 * analytics only reads. A partner records answers for its own channel.
 */
@ApplicationScoped
public class SurveyService {

    @Inject
    Db db;

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
            throw dev.channelhub.shared.error.ApiException.invalid("channelId", "no such channel");
        }
        return idempotency.run(caller, idempotencyKey, "POST /surveys/nps", request, NpsResponseView.class, () ->
                channels.get(caller, channelId)
                        .onFailure(t -> t instanceof dev.channelhub.shared.error.ApiException a && a.code() == dev.channelhub.shared.error.ErrorCode.NOT_FOUND)
                        .transform(t -> dev.channelhub.shared.error.ApiException.invalid("channelId", "no such channel"))
                        // a partner answers for customers it sold to: one it cannot see is 404, one without its order 400
                        .call(channel -> customerId == null ? Uni.createFrom().voidItem()
                                : customers.requireOrderThrough(caller, customerId, channelId, "customerId"))
                        .flatMap(channel -> {
                            UUID id = Ids.newId();
                            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                            NpsResponseView view = new NpsResponseView(id.toString(), channelId.toString(),
                                    customerId == null ? null : customerId.toString(), request.score(), request.comment(), now);
                            return db.inTransaction(tx -> db.query(tx, "insert into nps_response (tenant_id, id, channel_id, customer_id, score, "
                                                    + "comment, recorded_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
                                            Tuple.from(new Object[]{caller.tenant(), id, channelId, customerId, request.score().shortValue(),
                                                    request.comment(), caller.subject(), now.atOffset(ZoneOffset.UTC)}))
                                    .flatMap(x -> outbox.append(tx, caller, "survey.nps_recorded", "channel", channelId, channelId, view))
                                    .replaceWith(Outcome.created(view)));
                        }));
    }
}
