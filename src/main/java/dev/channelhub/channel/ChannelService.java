package dev.channelhub.channel;

import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.error.ApiErrors;
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
import dev.channelhub.shared.web.MergePatch;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.validation.RequestValidator;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Channel use cases; REST and GraphQL both call these, so the rules live here once.
 * Roles: admin/manager manage everything, integration creates and updates master data (not creditLimit or parentId), sales (and everyone
 * else of the tenant) reads, a partner sees its own channel and its sub-channels only (anything else is 404) and
 * may change nothing but its own channel's contact.
 */
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
        if (request.creditLimit() != null || request.parentId() != null) {
            requireCreditAndHierarchy(caller);
        }
        UUID parentId = Ids.parseNullable(request.parentId(), "parentId");
        String currency = Money.currency(request.currency(), "currency");
        // One Hibernate Reactive transaction: the channel, its first history entry, channel.created and the idempotency
        // answer commit together (docs/DEVELOPING.md "Persistence").
        return idempotency.runRecording(caller, idempotencyKey, "POST /channels", request, ChannelView.class,
                completion -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> {
                    UUID id = Ids.newId();
                    Instant now = now();
                    ChannelStatus initial = ChannelLifecycle.initialStatus(request.type());
                    Uni<Void> parentCheck = parentId == null ? Uni.createFrom().voidItem()
                            : channels.findEntity(caller.tenant(), parentId).map(found -> {
                                if (found == null) {
                                    throw ApiException.invalid("parentId", "no such channel");
                                }
                                return null;
                            });
                    ChannelEntity channel = new ChannelEntity();
                    channel.tenantId = caller.tenant();
                    channel.id = id;
                    channel.code = request.code();
                    channel.name = request.name();
                    channel.type = request.type();
                    channel.status = initial;
                    channel.region = request.region();
                    channel.tier = request.tier();
                    channel.parentId = parentId;
                    channel.creditLimit = request.creditLimit();
                    channel.currency = currency;
                    channel.setContact(request.contact());
                    channel.version = 1;
                    channel.createdAt = now;
                    channel.updatedAt = now;
                    return parentCheck
                            .flatMap(x -> session.persist(channel))
                            .flatMap(x -> session.persist(ChannelHistoryEntity.of(caller.tenant(), Ids.newId(), id, null, initial,
                                    caller.subject(), null, now)))
                            .call(session::flush)
                            .onFailure(ApiErrors::isUniqueViolation).transform(e ->
                                    new ApiException(ErrorCode.DUPLICATE, "channel code " + request.code() + " already exists"))
                            .map(x -> channel.toView())
                            .call(view -> outbox.append(session, caller, "channel.created", "channel", id, id, view))
                            .flatMap(view -> completion.record(session, Outcome.created(view)));
                })));
    }

    /** One channel the caller may see; anything else, including another tenant's or partner's, is NOT_FOUND. */
    public Uni<ChannelView> get(Caller caller, UUID id) {
        Uni<Optional<ChannelView>> found = caller.isPartnerOnly()
                ? channels.findVisibleToPartner(caller.tenant(), caller.partnerChannelId(), id)
                : channels.find(db.pool(), caller.tenant(), id);
        return found.map(o -> o.orElseThrow(() -> ApiException.notFound("channel", id)));
    }

    public Uni<Page<ChannelView>> list(Caller caller, ChannelFilter filter, PageRequest page) {
        UUID scope = caller.isPartnerOnly() ? caller.partnerChannelId() : null;
        return channels.list(caller.tenant(), scope, filter, page).map(rows -> Page.of(rows, page, ChannelView::id));
    }

    /**
     * {@code PATCH /channels/{id}}: fields given are set, fields in {@code clear} become null. {@code expectedVersion}
     * (If-Match / GraphQL {@code version}) must match or nothing changes (VERSION_CONFLICT). A new parent must exist
     * and must not be the channel itself or one of its descendants.
     */
    public Uni<ChannelView> update(Caller caller, UUID id, ChannelPatch patch, Integer expectedVersion) {
        if (!caller.isPartnerOnly()) {
            caller.require(Role.MANAGER, Role.INTEGRATION);
        }
        validator.check(patch);
        if (!caller.isPartnerOnly() && (patch.creditLimit() != null || patch.parentId() != null
                || patch.clears("creditLimit") || patch.clears("parentId"))) {
            requireCreditAndHierarchy(caller);
        }
        List<String> clear = MergePatch.checkClear(patch.clear(), ChannelPatch.CLEARABLE);
        for (String f : clear) {
            boolean alsoSet = switch (f) {
                case "region" -> patch.region() != null;
                case "tier" -> patch.tier() != null;
                case "parentId" -> patch.parentId() != null;
                case "creditLimit" -> patch.creditLimit() != null;
                default -> patch.contact() != null;
            };
            if (alsoSet) {
                throw ApiException.invalid(f, "cannot be set and cleared at once");
            }
        }
        UUID newParent = Ids.parseNullable(patch.parentId(), "parentId");
        String currency = patch.currency() == null ? null : Money.currency(patch.currency(), "currency");
        Uni<Void> allowed;
        if (caller.isPartnerOnly()) {
            // Visible → 403 unless it is the partner's own channel and only the contact changes; invisible → 404.
            allowed = get(caller, id).map(v -> {
                if (!v.id().equals(caller.partnerChannelId().toString()) || !patch.onlyContact()) {
                    throw ApiException.forbidden("a partner may only change the contact of its own channel");
                }
                return null;
            });
        } else {
            allowed = Uni.createFrom().voidItem();
        }
        // A re-parenting takes the tenant's hierarchy lock before the row lock: the FK check on the new parent needs a
        // key-share lock on it, and a concurrent re-parenting holding that row while waiting for the hierarchy would deadlock.
        return allowed.flatMap(ok -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> (newParent == null
                ? Uni.createFrom().voidItem() : channels.lockHierarchy(session, caller.tenant()))
                .flatMap(locked -> lockVisible(caller, id)).flatMap(current -> {
            checkVersion("channel", expectedVersion, current.version);
            if (patch.isEmpty()) {
                return Uni.createFrom().item(current.toView());
            }
            boolean reparent = newParent != null && !newParent.equals(current.parentId);
            Uni<Void> parentCheck = !reparent ? Uni.createFrom().voidItem()
                    : channels.ancestry(session, caller.tenant(), newParent, id)
                    .map(a -> {
                        if (!a.parentExists()) {
                            throw ApiException.invalid("parentId", "no such channel");
                        }
                        if (a.containsChild()) {
                            throw ApiException.invalid("parentId", "would make the channel its own ancestor (a cycle)");
                        }
                        return null;
                    });
            return parentCheck
                    .invoke(x -> {
                        if (patch.code() != null) {
                            current.code = patch.code();
                        }
                        if (patch.name() != null) {
                            current.name = patch.name();
                        }
                        current.region = clear.contains("region") ? null : patch.region() != null ? patch.region() : current.region;
                        current.tier = clear.contains("tier") ? null : patch.tier() != null ? patch.tier() : current.tier;
                        current.parentId = clear.contains("parentId") ? null : newParent != null ? newParent : current.parentId;
                        current.creditLimit = clear.contains("creditLimit") ? null
                                : patch.creditLimit() != null ? patch.creditLimit() : current.creditLimit;
                        if (currency != null) {
                            current.currency = currency;
                        }
                        if (clear.contains("contact")) {
                            current.setContact(null);
                        } else if (patch.contact() != null) {
                            current.setContact(patch.contact());
                        }
                        current.updatedAt = now();
                    })
                    .call(session::flush)
                    .onFailure(ApiErrors::isUniqueViolation).transform(e ->
                            new ApiException(ErrorCode.DUPLICATE, "channel code " + current.code + " already exists"))
                    .map(x -> current.toView())
                    .call(view -> outbox.append(session, caller, "channel.updated", "channel", id, id, view));
        }))));
    }

    /**
     * {@code POST /channels/{id}/transition}: moves the channel along {@link ChannelLifecycle} (anything else is
     * INVALID_TRANSITION), records the history entry and emits {@code channel.status_changed} in the same transaction.
     */
    public Uni<ChannelView> transition(Caller caller, UUID id, TransitionRequest request, Integer expectedVersion) {
        return authoriseManage(caller, id, Role.MANAGER).flatMap(ok -> {
            validator.check(request);
            return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> lockVisible(caller, id).flatMap(current -> {
                checkVersion("channel", expectedVersion, current.version);
                ChannelStatus from = current.status;
                ChannelStatus to = request.to();
                if (!ChannelLifecycle.canTransition(from, to)) {
                    throw new ApiException(ErrorCode.INVALID_TRANSITION, "a channel cannot go from " + from + " to " + to
                            + "; allowed from " + from + ": " + ChannelLifecycle.next(from));
                }
                Instant now = now();
                current.status = to;
                current.updatedAt = now;
                return session.persist(ChannelHistoryEntity.of(caller.tenant(), Ids.newId(), id, from, to, caller.subject(),
                                request.reason(), now))
                        .call(session::flush)
                        .map(x -> current.toView())
                        .call(view -> {
                            Map<String, Object> payload = new LinkedHashMap<>();
                            payload.put("channelId", id.toString());
                            payload.put("from", from.name());
                            payload.put("to", to.name());
                            payload.put("reason", request.reason());
                            payload.put("actor", caller.subject());
                            payload.put("version", view.version());
                            payload.put("at", now.toString());
                            return outbox.append(session, caller, "channel.status_changed", "channel", id, id, payload);
                        });
            })));
        });
    }

    /** Every status the channel took (its creation first), oldest first. */
    public Uni<Page<StatusChangeView>> history(Caller caller, UUID id, PageRequest page) {
        return get(caller, id).flatMap(v -> channels.history(caller.tenant(), id, page))
                .map(rows -> Page.of(rows, page, StatusChangeView::id));
    }

    /** {@code POST /channels/{id}/ratings}: records the rating and sets the channel's tier to the rating's tier. */
    public Uni<Outcome<RatingView>> rate(Caller caller, UUID id, RateChannelRequest request, String idempotencyKey) {
        return authoriseManage(caller, id, Role.MANAGER).flatMap(ok -> {
            validator.check(request);
            return idempotency.runRecording(caller, idempotencyKey, "POST /channels/" + id + "/ratings", request, RatingView.class,
                    completion -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> lockVisible(caller, id)
                            .flatMap(current -> {
                                Instant now = now();
                                ChannelRatingEntity rating = new ChannelRatingEntity();
                                rating.tenantId = caller.tenant();
                                rating.id = Ids.newId();
                                rating.channelId = id;
                                rating.period = request.period();
                                rating.score = request.score().shortValue();
                                rating.tier = request.tier();
                                rating.notes = request.notes();
                                rating.ratedBy = caller.subject();
                                rating.ratedAt = now;
                                current.tier = request.tier();
                                current.updatedAt = now;
                                return session.persist(rating).call(session::flush).map(x -> rating.toView());
                            })
                            .call(r -> outbox.append(session, caller, "channel.rated", "channel", id, id, r))
                            .flatMap(r -> completion.record(session, Outcome.created(r))))));
        });
    }

    public Uni<Page<RatingView>> ratings(Caller caller, UUID id, PageRequest page) {
        return get(caller, id).flatMap(v -> channels.ratings(caller.tenant(), id, page))
                .map(rows -> Page.of(rows, page, RatingView::id));
    }

    /** Batch read for GraphQL fields: channels by id in one statement, in the order asked (null where unknown). */
    public Uni<List<ChannelView>> byIds(Caller caller, List<UUID> ids) {
        List<UUID> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(ids.stream().map(x -> (ChannelView) null).collect(Collectors.toList()));
        }
        Uni<List<ChannelView>> found = caller.isPartnerOnly()
                ? channels.findAllVisibleToPartner(caller.tenant(), caller.partnerChannelId(), distinct)
                : channels.findAll(caller.tenant(), distinct);
        return found.map(rows -> {
            Map<String, ChannelView> byId = rows.stream().collect(Collectors.toMap(ChannelView::id, Function.identity()));
            return ids.stream().map(id -> id == null ? null : byId.get(id.toString())).collect(Collectors.toList());
        });
    }

    /** Batched {@code Channel.parent}: a partner does not see the parent above its own channel (null). */
    public Uni<List<ChannelView>> parents(Caller caller, List<ChannelView> children) {
        return byIds(caller, children.stream().map(c -> c.parentId() == null ? null : UUID.fromString(c.parentId()))
                .collect(Collectors.toList()));
    }

    /** Batched {@code Channel.children}: one statement for all the channels; every child of a visible channel is visible. */
    public Uni<List<List<ChannelView>>> children(Caller caller, List<ChannelView> parents) {
        List<UUID> ids = parents.stream().map(p -> UUID.fromString(p.id())).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return channels.childrenOf(caller.tenant(), ids).map(rows -> {
            Map<String, List<ChannelView>> byParent = new LinkedHashMap<>();
            for (ChannelView row : rows) {
                byParent.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row);
            }
            return parents.stream().map(p -> byParent.getOrDefault(p.id(), List.of())).collect(Collectors.toList());
        });
    }

    // ---- Cross-feature reads (orders, pricing, policies, leads). Unscoped: the calling service has already
    // authorised its caller; these never check roles or partner visibility.

    /** Unscoped internal read of one channel of the tenant. */
    public Uni<Optional<ChannelView>> find(SqlClient client, String tenant, UUID id) {
        return channels.find(client, tenant, id);
    }

    /** The channel and its groups (static ∪ rule) in one statement: what prices and policies are targeted by. */
    public Uni<Optional<ChannelWithGroups>> findWithGroups(SqlClient client, String tenant, UUID id) {
        return channels.findWithGroups(client, tenant, id);
    }

    /** {@code select ... for update} in the caller's transaction (orders' credit check); NOT_FOUND if absent. */
    public Uni<ChannelView> lockForUpdate(SqlClient tx, String tenant, UUID id) {
        return channels.lockForUpdate(tx, tenant, id).map(o -> o.orElseThrow(() -> ApiException.notFound("channel", id)));
    }

    /** Every channel that is a member (static ∪ rule) of any of the groups, one statement, unpaged, ordered by id. */
    public Uni<List<UUID>> memberIds(SqlClient client, String tenant, List<UUID> groupIds) {
        return groups.memberIds(client, tenant, groupIds);
    }

    // ---- helpers

    /**
     * Management of one channel: a partner gets 404 for a channel it cannot see and 403 for one it can (its own or
     * a sub-channel); everyone else needs one of {@code roles}.
     */
    private Uni<Void> authoriseManage(Caller caller, UUID id, Role... roles) {
        if (caller.isPartnerOnly()) {
            return get(caller, id).map(v -> {
                throw ApiException.forbidden("a partner may not do this");
            });
        }
        caller.require(roles);
        return Uni.createFrom().voidItem();
    }

    /** A channel's credit and its place in the hierarchy are the brand's decisions: integrations may not set them. */
    private static void requireCreditAndHierarchy(Caller caller) {
        if (!caller.hasAny(Role.ADMIN, Role.MANAGER)) {
            throw ApiException.forbidden("only a manager or an admin sets or clears creditLimit and parentId");
        }
    }

    /** The channel's entity locked in the current Hibernate Reactive transaction; NOT_FOUND when absent. */
    private Uni<ChannelEntity> lockVisible(Caller caller, UUID id) {
        return channels.lockEntity(caller.tenant(), id).map(e -> {
            if (e == null) {
                throw ApiException.notFound("channel", id);
            }
            return e;
        });
    }

    static void checkVersion(String what, Integer expected, int actual) {
        if (expected != null && expected != actual) {
            throw ApiException.versionConflict(what, expected, actual);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static boolean isDuplicateCode(Throwable t) {
        return ApiErrors.isUniqueViolation(t);
    }
}
