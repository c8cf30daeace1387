package dev.channelhub.incentive;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
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

/** Channel costs (API-CONTRACT-2 §8): recorded and listed by managers and admins only; partners never see them. */
@ApplicationScoped
public class ChannelCostService {

    @Inject
    ChannelCostRepository costs;

    @Inject
    ChannelService channels;

    @Inject
    Db db;

    @Inject
    IdempotencyService idempotency;

    @Inject
    RequestValidator validator;

    @Inject
    EventOutbox outbox;

    /** {@code POST /channel-costs}: one cost of a channel on a date, in the channel's currency; Idempotency-Key honoured. */
    public Uni<Outcome<ChannelCostView>> record(Caller caller, RecordChannelCostRequest request, String idempotencyKey) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER);
            validator.check(request);
            UUID channelId = Ids.parse(request.channelId(), "channelId");
            String tenant = caller.tenant();
            return channels.find(db.pool(), tenant, channelId)
                    .map(found -> found.orElseThrow(() -> ApiException.invalid("channelId", "no such channel")))
                    .flatMap(ch -> idempotency.runRecording(caller, idempotencyKey, "POST /channel-costs", request, ChannelCostView.class,
                            completion -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> {
                                ChannelCostEntity cost = new ChannelCostEntity();
                                cost.tenantId = tenant;
                                cost.id = Ids.newId();
                                cost.channelId = channelId;
                                cost.costDate = request.date();
                                cost.category = request.category();
                                cost.amount = Money.round(request.amount(), ch.currency());
                                cost.currency = ch.currency();
                                cost.note = request.note();
                                cost.createdBy = caller.subject();
                                cost.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                                return session.persist(cost).call(session::flush)
                                        .map(x -> cost.toView())
                                        .call(view -> outbox.append(session, caller, "channel_cost.recorded", "channel_cost", cost.id,
                                                channelId, view))
                                        .flatMap(view -> completion.record(session, Outcome.created(view)));
                            }))));
        });
    }

    /** {@code GET /channel-costs}: paged in creation order, filtered by channel, category and inclusive dates. */
    public Uni<Page<ChannelCostView>> list(Caller caller, ChannelCostFilter filter, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER);
            if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
                throw ApiException.invalid("from", "must not be after to");
            }
            return costs.list(caller.tenant(), filter, page).map(rows -> Page.of(rows, page, ChannelCostView::id));
        });
    }
}
