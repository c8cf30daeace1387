package dev.channelhub.channel;

import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.error.ApiErrors;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.error.FieldError;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
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
import org.hibernate.reactive.mutiny.Mutiny;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Channel groups, the audiences prices and policies target. Admins and managers manage them; managers, sales and
 * integrations read them; partners only see the groups of the channels they can see, as id, code and name (they may
 * not read groups, their members or rules through {@code /channel-groups}: FORBIDDEN).
 */
@ApplicationScoped
public class ChannelGroupService {

    @Inject
    ChannelGroupRepository groups;

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

    public Uni<Outcome<ChannelGroupView>> create(Caller caller, CreateChannelGroupRequest request, String idempotencyKey) {
        caller.require(Role.MANAGER);
        validator.check(request);
        List<UUID> members = parseMembers(request.memberIds());
        GroupRule rule = request.rule() == null ? null : request.rule().checked("rule");
        return idempotency.runRecording(caller, idempotencyKey, "POST /channel-groups", request, ChannelGroupView.class,
                completion -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> {
                    UUID id = Ids.newId();
                    Instant now = now();
                    ChannelGroupEntity group = new ChannelGroupEntity();
                    group.tenantId = caller.tenant();
                    group.id = id;
                    group.code = request.code();
                    group.name = request.name();
                    group.setRule(rule);
                    group.version = 1;
                    group.createdAt = now;
                    group.updatedAt = now;
                    return session.persist(group).call(session::flush)
                            .onFailure(ApiErrors::isUniqueViolation).transform(e ->
                                    new ApiException(ErrorCode.DUPLICATE, "channel group code " + request.code() + " already exists"))
                            .flatMap(x -> setMembers(session, caller, id, members, true))
                            .map(x -> group.toView(members))
                            .call(view -> outbox.append(session, caller, "channel_group.created", "channel_group", id, null, view))
                            .flatMap(view -> completion.record(session, Outcome.created(view)));
                })));
    }

    public Uni<ChannelGroupView> get(Caller caller, UUID id) {
        requireRead(caller);
        return groups.find(db.pool(), caller.tenant(), id).map(o -> o.orElseThrow(() -> ApiException.notFound("channel group", id)));
    }

    public Uni<Page<ChannelGroupView>> list(Caller caller, PageRequest page) {
        requireRead(caller);
        return groups.list(caller.tenant(), page).map(rows -> Page.of(rows, page, ChannelGroupView::id));
    }

    /** {@code memberIds} and {@code rule} replace the old ones when given; {@code clear} empties them. */
    public Uni<ChannelGroupView> update(Caller caller, UUID id, ChannelGroupPatch patch, Integer expectedVersion) {
        caller.require(Role.MANAGER);
        validator.check(patch);
        List<String> clear = MergePatch.checkClear(patch.clear(), ChannelGroupPatch.CLEARABLE);
        if (clear.contains("memberIds") && patch.memberIds() != null) {
            throw ApiException.invalid("memberIds", "cannot be set and cleared at once");
        }
        if (clear.contains("rule") && patch.rule() != null) {
            throw ApiException.invalid("rule", "cannot be set and cleared at once");
        }
        List<UUID> members = patch.memberIds() == null ? null : parseMembers(patch.memberIds());
        GroupRule newRule = patch.rule() == null ? null : patch.rule().checked("rule");
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> groups.lockEntity(caller.tenant(), id)
                .map(found -> {
                    if (found == null) {
                        throw ApiException.notFound("channel group", id);
                    }
                    return found;
                })
                .flatMap(current -> {
                    ChannelService.checkVersion("channel group", expectedVersion, current.version);
                    if (patch.code() != null) {
                        current.code = patch.code();
                    }
                    if (patch.name() != null) {
                        current.name = patch.name();
                    }
                    current.setRule(clear.contains("rule") ? null : newRule != null ? newRule : current.rule());
                    current.updatedAt = now();
                    List<UUID> newMembers = clear.contains("memberIds") ? List.of() : members;
                    return session.flush()
                            .onFailure(ApiErrors::isUniqueViolation).transform(e ->
                                    new ApiException(ErrorCode.DUPLICATE, "channel group code " + current.code + " already exists"))
                            .flatMap(x -> newMembers == null ? groups.memberIdsOf(session, caller.tenant(), id)
                                    : setMembers(session, caller, id, newMembers, false).replaceWith(newMembers))
                            .map(current::toView)
                            .call(view -> outbox.append(session, caller, "channel_group.updated", "channel_group", id, null, view));
                })));
    }

    /** {@code GET /channel-groups/{id}/members}: static members ∪ rule matches, whatever their status, by id. */
    public Uni<Page<ChannelView>> members(Caller caller, UUID id, PageRequest page) {
        return get(caller, id).flatMap(g -> groups.members(caller.tenant(), id, page))
                .map(rows -> Page.of(rows, page, ChannelView::id));
    }

    /** {@code GET /channels/{id}/groups}: for any caller who can see the channel. */
    public Uni<Page<ChannelGroupView>> groupsOf(Caller caller, UUID channelId, PageRequest page) {
        return channels.get(caller, channelId).flatMap(c -> groups.groupsOf(caller.tenant(), channelId, page))
                .map(rows -> Page.of(rows, page, ChannelGroupView::id))
                .map(p -> caller.isPartnerOnly() ? p.map(ChannelGroupView::partnerProjection) : p);
    }

    /** Batched {@code Channel.groups}: one statement for every channel of the page. */
    public Uni<List<List<ChannelGroupView>>> groupsOfChannels(Caller caller, List<ChannelView> of) {
        List<UUID> ids = of.stream().map(c -> UUID.fromString(c.id())).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return groups.groupsOfChannels(caller.tenant(), ids).map(rows -> {
            Map<UUID, List<ChannelGroupView>> byChannel = new HashMap<>();
            boolean partner = caller.isPartnerOnly();
            for (var row : rows) {
                byChannel.computeIfAbsent(row.getKey(), k -> new ArrayList<>())
                        .add(partner ? row.getValue().partnerProjection() : row.getValue());
            }
            return of.stream().map(c -> byChannel.getOrDefault(UUID.fromString(c.id()), List.of())).collect(Collectors.toList());
        });
    }

    /** Batched {@code ChannelGroup.members(first, after)}: one page per group, all in one statement. */
    public Uni<List<Page<ChannelView>>> membersOfGroups(Caller caller, List<ChannelGroupView> of, PageRequest page) {
        requireRead(caller);
        List<UUID> ids = of.stream().map(g -> UUID.fromString(g.id())).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return groups.membersOfGroups(caller.tenant(), ids, page).map(rows -> {
            Map<UUID, List<ChannelView>> byGroup = new HashMap<>();
            for (var row : rows) {
                byGroup.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
            }
            return of.stream().map(g -> Page.of(byGroup.getOrDefault(UUID.fromString(g.id()), List.of()), page, ChannelView::id))
                    .collect(Collectors.toList());
        });
    }

    private static void requireRead(Caller caller) {
        caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION);
    }

    private static List<UUID> parseMembers(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        // Duplicates are kept so errors name the index the client sent; the insert ignores repeats.
        List<UUID> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            out.add(Ids.parse(ids.get(i), "memberIds[" + i + "]"));
        }
        return out;
    }

    /** Static members must be channels of the tenant; an unknown one is a 400 naming its index. */
    private Uni<Void> setMembers(Mutiny.Session session, Caller caller, UUID groupId, List<UUID> members, boolean isNew) {
        Uni<Void> check = members.isEmpty() ? Uni.createFrom().voidItem()
                : groups.existingChannels(session, caller.tenant(), members).map(found -> {
                    Set<UUID> known = new HashSet<>(found);
                    List<FieldError> errors = new ArrayList<>();
                    for (int i = 0; i < members.size(); i++) {
                        if (!known.contains(members.get(i))) {
                            errors.add(new FieldError("memberIds[" + i + "]", "no such channel"));
                        }
                    }
                    if (!errors.isEmpty()) {
                        throw ApiException.invalid(errors);
                    }
                    return null;
                });
        return check.flatMap(x -> groups.replaceMembers(session, caller.tenant(), groupId, members, isNew));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
