package dev.channelhub.channel;

import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
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
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Channel use cases; REST and GraphQL both call these, so the rules live here once. */
@ApplicationScoped
public class ChannelService {

    @Inject
    ChannelRepository channels;

    @Inject
    ChannelGroupRepository groups;

    @Inject
    Db db;

    @Inject
    IdempotencyService idempotency;

    @Inject
    RequestValidator validator;

    @Inject
    EventOutbox outbox;

    public Uni<Outcome<ChannelView>> create(Caller caller, CreateChannelRequest request, String idempotencyKey) {
        caller.require(Role.MANAGER, Role.INTEGRATION);
        validator.check(request);
        UUID parentId = Ids.parseNullable(request.parentId(), "parentId");
        String currency = Money.currency(request.currency(), "currency");
        return idempotency.run(caller, idempotencyKey, "POST /channels", request, ChannelView.class,
                () -> db.inTransaction(tx -> {
                    UUID id = Ids.newId();
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    Uni<Void> parentCheck = parentId == null ? Uni.createFrom().voidItem()
                            : channels.find(tx, caller.tenant(), parentId).map(found -> {
                                if (found.isEmpty()) {
                                    throw ApiException.invalid("parentId", "no such channel");
                                }
                                return null;
                            });
                    return parentCheck
                            .flatMap(x -> channels.insert(tx, caller.tenant(), id, request,
                                    ChannelLifecycle.initialStatus(request.type()), currency, now))
                            .onFailure(ChannelService::isDuplicateCode).transform(e ->
                                    new ApiException(ErrorCode.DUPLICATE, "channel code " + request.code() + " already exists"))
                            .flatMap(x -> channels.find(tx, caller.tenant(), id))
                            .map(java.util.Optional::orElseThrow)
                            .call(view -> outbox.append(tx, caller, "channel.created", "channel", id, id, view))
                            .map(Outcome::created);
                }));
    }

    /** One channel the caller may see; anything else, including another tenant's or partner's, is NOT_FOUND. */
    public Uni<ChannelView> get(Caller caller, UUID id) {
        Uni<java.util.Optional<ChannelView>> found = caller.isPartnerOnly()
                ? channels.findVisibleToPartner(caller.tenant(), caller.partnerChannelId(), id)
                : channels.find(db.pool(), caller.tenant(), id);
        return found.map(o -> o.orElseThrow(() -> ApiException.notFound("channel", id)));
    }

    public Uni<Page<ChannelView>> list(Caller caller, ChannelRepository.ChannelFilter filter, PageRequest page) {
        UUID scope = caller.isPartnerOnly() ? caller.partnerChannelId() : null;
        return channels.list(caller.tenant(), scope, filter, page).map(rows -> Page.of(rows, page, ChannelView::id));
    }

    /** Batch read for GraphQL fields: channels by id in one statement, in the order asked (null where unknown). */
    public Uni<List<ChannelView>> byIds(Caller caller, List<UUID> ids) {
        List<UUID> distinct = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(ids.stream().map(x -> (ChannelView) null).collect(Collectors.toList()));
        }
        return channels.findAll(caller.tenant(), distinct).map(found -> {
            Map<String, ChannelView> byId = found.stream().collect(Collectors.toMap(ChannelView::id, Function.identity()));
            return ids.stream().map(id -> id == null ? null : byId.get(id.toString())).collect(Collectors.toList());
        });
    }

    // ---- Cross-feature reads (orders, pricing, policies, leads). Unscoped: the calling service has already
    // authorised its caller; these never check roles or partner visibility.

    /** Unscoped internal read of one channel of the tenant. */
    public Uni<java.util.Optional<ChannelView>> find(SqlClient client, String tenant, UUID id) {
        return channels.find(client, tenant, id);
    }

    /** {@code select ... for update} in the caller's transaction (orders' credit check); NOT_FOUND if absent. */
    public Uni<ChannelView> lockForUpdate(SqlClient tx, String tenant, UUID id) {
        return channels.lockForUpdate(tx, tenant, id).map(o -> o.orElseThrow(() -> ApiException.notFound("channel", id)));
    }

    /** Ids of the groups the channel belongs to (static member or rule match), one statement, ordered by id. */
    public Uni<List<UUID>> groupIdsOf(SqlClient client, String tenant, UUID channelId) {
        return groups.groupIdsOf(client, tenant, channelId);
    }

    /** Every channel that is a member (static ∪ rule) of any of the groups, one statement, unpaged, ordered by id. */
    public Uni<List<UUID>> memberIds(SqlClient client, String tenant, List<UUID> groupIds) {
        return groups.memberIds(client, tenant, groupIds);
    }

    private static boolean isDuplicateCode(Throwable t) {
        return t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState());
    }

}
