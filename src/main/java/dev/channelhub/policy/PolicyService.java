package dev.channelhub.policy;

import dev.channelhub.channel.ChannelFilter;
import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.events.EventOutbox;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Policy use cases: publication with an audience snapshot, versions, the partner inbox, read/acknowledge and reach.
 * Channels that match an audience after publication (joined a group, created later, changed tier) are added lazily
 * whenever the policy is looked at (their inbox, or the policy's reach) while it is not expired.
 */
@ApplicationScoped
public class PolicyService {

    @Inject
    PolicyRepository policies;

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

    public Uni<Outcome<PolicyView>> publish(Caller caller, PublishPolicyRequest request, String idempotencyKey) {
        caller.require(Role.MANAGER);
        validator.check(request);
        checkAttachments(request.attachments());
        Audience audience = checkAudience(request.audience(), "audience");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant effectiveFrom = request.effectiveFrom() == null ? now : request.effectiveFrom();
        checkWindow(effectiveFrom, request.expiresAt());
        // The audience is resolved on the pool (channel reads), then one Hibernate Reactive transaction holds the policy,
        // its first version, its targets, policy.published and the idempotency answer (docs/DEVELOPING.md "Persistence").
        return idempotency.runRecording(caller, idempotencyKey, "POST /policies", request, PolicyView.class,
                completion -> requireChannelsExist(caller, audience)
                        .flatMap(x -> resolveAudience(db.pool(), caller, audience))
                        .flatMap(targets -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> {
                            PolicyEntity policy = new PolicyEntity();
                            policy.tenantId = caller.tenant();
                            policy.id = Ids.newId();
                            policy.title = request.title().trim();
                            policy.kind = request.kind();
                            policy.body = request.body();
                            policy.attachmentsJson = policies.attachmentsJson(request.attachments());
                            policy.audienceJson = policies.audienceJson(audience);
                            policy.requiresAck = Boolean.TRUE.equals(request.requiresAcknowledgement());
                            policy.effectiveFrom = effectiveFrom;
                            policy.expiresAt = request.expiresAt();
                            policy.version = 1;
                            policy.createdBy = caller.subject();
                            policy.publishedAt = now;
                            policy.updatedAt = now;
                            return session.persist(policy).call(session::flush)
                                    .call(x -> policies.recordVersion(session, caller.tenant(), policy.id, caller.subject()))
                                    .call(x -> policies.addTargets(session, caller.tenant(), policy.id, 1, targets, "PUBLICATION"))
                                    .map(x -> policies.toView(policy))
                                    .call(view -> outbox.append(session, caller, "policy.published", "policy", policy.id, null,
                                            Map.of("policy", view, "targeted", targets.size())))
                                    .flatMap(view -> completion.record(session, Outcome.created(view)));
                        }))));
    }

    /** Edits a policy: a new version, so earlier acknowledgements stay with the version they were given for. */
    public Uni<PolicyView> update(Caller caller, UUID id, PolicyPatch patch, Integer expectedVersion) {
        caller.require(Role.MANAGER);
        validator.check(patch);
        checkAttachments(patch.attachments());
        if (patch.isEmpty()) {
            throw ApiException.invalid("body", "names no field to change");
        }
        Audience newAudience = patch.audience() == null ? null : checkAudience(patch.audience(), "audience");
        Uni<List<UUID>> resolved = newAudience == null ? Uni.createFrom().item(List.<UUID>of())
                : requireChannelsExist(caller, newAudience).flatMap(x -> resolveAudience(db.pool(), caller, newAudience));
        // The new audience is resolved on the pool first; the policy row is then locked, changed and flushed (Hibernate checks
        // and bumps the version), and its version copy, targets and event are written on the same session.
        return resolved.flatMap(targets -> Panache.withTransaction(() -> Panache.getSession().flatMap(session ->
                policies.lockEntity(caller.tenant(), id).flatMap(cur -> {
                    if (cur == null) {
                        throw ApiException.notFound("policy", id);
                    }
                    if (expectedVersion != null && expectedVersion != cur.version) {
                        throw ApiException.versionConflict("policy " + id, expectedVersion, cur.version);
                    }
                    Instant effectiveFrom = patch.effectiveFrom() == null ? cur.effectiveFrom : patch.effectiveFrom();
                    Instant expiresAt = patch.expiresAt() == null ? cur.expiresAt : patch.expiresAt();
                    checkWindow(effectiveFrom, expiresAt);
                    boolean audienceChanged = newAudience != null && !newAudience.equals(policies.toView(cur).audience());
                    if (patch.title() != null) {
                        cur.title = patch.title().trim();
                    }
                    if (patch.kind() != null) {
                        cur.kind = patch.kind();
                    }
                    if (patch.body() != null) {
                        cur.body = patch.body();
                    }
                    if (patch.attachments() != null) {
                        cur.attachmentsJson = policies.attachmentsJson(patch.attachments());
                    }
                    if (newAudience != null) {
                        cur.audienceJson = policies.audienceJson(newAudience);
                    }
                    if (patch.requiresAcknowledgement() != null) {
                        cur.requiresAck = patch.requiresAcknowledgement();
                    }
                    cur.effectiveFrom = effectiveFrom;
                    cur.expiresAt = expiresAt;
                    cur.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return session.flush()
                            .call(x -> policies.recordVersion(session, caller.tenant(), id, caller.subject()))
                            .call(x -> newAudience == null ? Uni.createFrom().voidItem()
                                    : policies.addTargets(session, caller.tenant(), id, cur.version, targets, "LATER"))
                            // A changed audience is the targeted set from now on, exactly: channels that no longer match are
                            // dropped (their reads and acknowledgements stay, as history shown in the reach).
                            .call(x -> !audienceChanged ? Uni.createFrom().voidItem()
                                    : policies.dropTargetsExcept(session, caller.tenant(), id, targets))
                            .map(x -> policies.toView(cur))
                            .call(view -> outbox.append(session, caller, "policy.published", "policy", id, null, Map.of("policy", view)));
                }))));
    }

    /** Managers see every policy; a partner sees a policy in effect that targets its channel, anything else is 404. */
    public Uni<PolicyView> get(Caller caller, UUID id) {
        if (caller.isPartnerOnly()) {
            return inboxItem(caller, id).map(InboxItem::policy);
        }
        caller.require(Role.MANAGER);
        return policies.find(db.pool(), caller.tenant(), id).map(o -> o.orElseThrow(() -> ApiException.notFound("policy", id)));
    }

    public Uni<Page<PolicyView>> list(Caller caller, PolicyKind kind, PageRequest page) {
        caller.require(Role.MANAGER);
        return policies.list(caller.tenant(), kind, page).map(rows -> Page.of(rows, page, PolicyView::id));
    }

    /** The partner's inbox: unread (at the current version) first, then newest first. */
    public Uni<Page<InboxItem>> inbox(Caller caller, PolicyKind kind, PageRequest page) {
        UUID channel = partnerChannel(caller);
        String after = page.after();
        if (after != null && !after.matches("[01]:[0-9a-fA-F-]{36}")) {
            throw ApiException.invalid("cursor", "is not a cursor this API issued");
        }
        return catchUp(caller.tenant(), channel)
                .flatMap(x -> policies.inbox(db.pool(), caller.tenant(), channel, kind, null, after, page.fetchSize()))
                .map(rows -> Page.of(rows, page, PolicyService::cursorKey));
    }

    public Uni<InboxItem> read(Caller caller, UUID id) {
        UUID channel = partnerChannel(caller);
        return catchUp(caller.tenant(), channel)
                .flatMap(x -> policies.markRead(db.pool(), caller.tenant(), id, channel))
                .flatMap(ok -> {
                    if (!ok) {
                        throw ApiException.notFound("policy", id);
                    }
                    return inboxItem(caller, id);
                });
    }

    /** Acknowledges the current version; {@code version}, when given, must be the current one (412 otherwise). */
    public Uni<InboxItem> acknowledge(Caller caller, UUID id, Integer version) {
        UUID channel = partnerChannel(caller);
        return inboxItem(caller, id).flatMap(item -> {
            int current = item.policy().version();
            if (version != null && version != current) {
                throw ApiException.versionConflict("policy " + id, version, current);
            }
            return db.inTransaction(tx -> policies.markRead(tx, caller.tenant(), id, channel)
                            .flatMap(x -> policies.acknowledge(tx, caller.tenant(), id, channel, current, caller.subject())))
                    .flatMap(x -> inboxItem(caller, id));
        });
    }

    public Uni<PolicyReach> reach(Caller caller, UUID id) {
        return reach(caller, List.of(id)).map(list -> {
            if (list.get(0) == null) {
                throw ApiException.notFound("policy", id);
            }
            return list.get(0);
        });
    }

    /** Reach of several policies (GraphQL {@code Policy.reach}), in the order asked; null for unknown ids. */
    public Uni<List<PolicyReach>> reach(Caller caller, List<UUID> ids) {
        caller.require(Role.MANAGER);
        List<UUID> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(ids.stream().map(x -> (PolicyReach) null).collect(Collectors.toList()));
        }
        return policies.findAll(db.pool(), caller.tenant(), distinct).flatMap(found -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            Instant now = Instant.now();
            for (PolicyView p : found) {
                if (p.expiresAt() == null || p.expiresAt().isAfter(now)) {
                    UUID pid = UUID.fromString(p.id());
                    chain = chain.flatMap(x -> resolveAudience(db.pool(), caller, p.audience())
                            .flatMap(targets -> policies.addTargets(db.pool(), caller.tenant(), pid, p.version(), targets, "LATER")));
                }
            }
            return chain.flatMap(x -> policies.reach(db.pool(), caller.tenant(), distinct)).map(rows -> {
                Map<UUID, PolicyView> byId = found.stream().collect(Collectors.toMap(p -> UUID.fromString(p.id()), p -> p));
                Map<UUID, List<PolicyRepository.ReachRow>> byPolicy = rows.stream()
                        .collect(Collectors.groupingBy(PolicyRepository.ReachRow::policyId));
                List<PolicyReach> out = new ArrayList<>(ids.size());
                for (UUID id : ids) {
                    PolicyView p = id == null ? null : byId.get(id);
                    out.add(p == null ? null : toReach(p, byPolicy.getOrDefault(id, List.of())));
                }
                return out;
            });
        });
    }

    /**
     * Acknowledgement figures for analytics: {@code [policies requiring acknowledgement that target the channel,
     * of those acknowledged at their current version]}.
     */
    public Uni<long[]> acknowledgementFigures(SqlClient client, String tenant, UUID channelId) {
        return policies.ackFigures(client, tenant, channelId)
                .map(o -> o.map(a -> new long[]{(long) a[0], (long) a[1]}).orElse(new long[]{0, 0}));
    }

    /** The inbox's keyset: unread (0) before read (1), then newest first. */
    public static String cursorKey(InboxItem item) {
        return (item.read() ? "1" : "0") + ":" + item.policy().id();
    }

    private static PolicyReach toReach(PolicyView p, List<PolicyRepository.ReachRow> all) {
        int read = 0;
        int acked = 0;
        int older = 0;
        List<String> pending = new ArrayList<>();
        List<PolicyReach.DroppedChannel> dropped = new ArrayList<>();
        List<PolicyRepository.ReachRow> rows = new ArrayList<>();
        for (PolicyRepository.ReachRow r : all) {
            if (r.droppedAt() != null) {
                dropped.add(new PolicyReach.DroppedChannel(r.channelId().toString(), r.droppedAt(), r.readVersion(), r.ackVersion()));
            } else {
                rows.add(r);
            }
        }
        for (PolicyRepository.ReachRow r : rows) {
            read += r.readCurrent() ? 1 : 0;
            acked += r.ackCurrent() ? 1 : 0;
            older += !r.ackCurrent() && r.ackOlder() ? 1 : 0;
            boolean done = p.requiresAcknowledgement() ? r.ackCurrent() : r.readCurrent();
            if (!done) {
                pending.add(r.channelId().toString());
            }
        }
        return new PolicyReach(p.version(), rows.size(), read, acked, older, pending, dropped);
    }

    private Uni<InboxItem> inboxItem(Caller caller, UUID id) {
        UUID channel = partnerChannel(caller);
        return catchUp(caller.tenant(), channel)
                .flatMap(x -> policies.inbox(db.pool(), caller.tenant(), channel, null, id, null, 1))
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw ApiException.notFound("policy", id);
                    }
                    return rows.get(0);
                });
    }

    /** Adds the channel to every unexpired policy whose audience it matches now but that did not target it yet. */
    private Uni<Void> catchUp(String tenant, UUID channelId) {
        return policies.notTargeting(db.pool(), tenant, channelId).flatMap(candidates -> {
            if (candidates.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return channels.findWithGroups(db.pool(), tenant, channelId).flatMap(found -> {
                if (found.isEmpty()) {
                    return Uni.createFrom().voidItem();
                }
                ChannelView channel = found.get().channel();
                List<UUID> groups = found.get().groupIds();
                List<PolicyView> matching = candidates.stream().filter(p -> AudienceRule.targets(p.audience(), channel, groups))
                        .toList();
                return policies.addChannelToPolicies(db.pool(), tenant, channelId, matching);
            });
        });
    }

    /** The channels an audience targets now. */
    private Uni<List<UUID>> resolveAudience(SqlClient client, Caller caller, Audience a) {
        Uni<List<ChannelView>> candidates;
        if (a.channelIds().isEmpty() && a.channelGroupIds().isEmpty()) {
            candidates = allChannels(caller, null, new ArrayList<>());
        } else {
            List<UUID> groups = a.channelGroupIds().stream().map(UUID::fromString).toList();
            Uni<List<UUID>> members = groups.isEmpty() ? Uni.createFrom().item(List.<UUID>of())
                    : channels.memberIds(client, caller.tenant(), groups);
            candidates = members.flatMap(m -> {
                Set<UUID> ids = new LinkedHashSet<>(m);
                a.channelIds().forEach(c -> ids.add(UUID.fromString(c)));
                return ids.isEmpty() ? Uni.createFrom().item(List.<ChannelView>of())
                        : channels.byIds(caller, new ArrayList<>(ids)).map(list -> list.stream().filter(Objects::nonNull).toList());
            });
        }
        return candidates.map(list -> list.stream().filter(c -> AudienceRule.passesFilters(a, c))
                .map(c -> UUID.fromString(c.id())).distinct().toList());
    }

    private Uni<List<ChannelView>> allChannels(Caller caller, String cursor, List<ChannelView> acc) {
        return channels.list(caller, new ChannelFilter(null, null, null, null, null),
                        PageRequest.of(PageRequest.MAX_LIMIT, cursor, "limit", "cursor"))
                .flatMap(page -> {
                    acc.addAll(page.items());
                    return page.nextCursor() == null ? Uni.createFrom().item(acc) : allChannels(caller, page.nextCursor(), acc);
                });
    }

    private Uni<Void> requireChannelsExist(Caller caller, Audience a) {
        if (a.channelIds().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = a.channelIds().stream().map(UUID::fromString).toList();
        return channels.byIds(caller, ids).map(found -> {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                if (found.get(i) == null) {
                    errors.add(new FieldError("audience.channelIds[" + i + "]", "no such channel"));
                }
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            return null;
        });
    }

    private static void checkAttachments(List<Attachment> attachments) {
        if (attachments != null) {
            for (int i = 0; i < attachments.size(); i++) {
                if (attachments.get(i) == null) {
                    throw ApiException.invalid("attachments[" + i + "]", "must not be null");
                }
            }
        }
    }

    private static Audience checkAudience(Audience raw, String field) {
        List<FieldError> errors = raw.elementErrors(field);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Audience a = raw.normalised();
        List<String> channelIds = new ArrayList<>();
        for (int i = 0; i < a.channelIds().size(); i++) {
            channelIds.add(Ids.parse(a.channelIds().get(i), field + ".channelIds[" + i + "]").toString());
        }
        List<String> groupIds = new ArrayList<>();
        for (int i = 0; i < a.channelGroupIds().size(); i++) {
            groupIds.add(Ids.parse(a.channelGroupIds().get(i), field + ".channelGroupIds[" + i + "]").toString());
        }
        return new Audience(groupIds.stream().distinct().toList(), channelIds.stream().distinct().toList(), a.channelTypes(),
                a.tiers(), a.regions());
    }

    private static void checkWindow(Instant effectiveFrom, Instant expiresAt) {
        if (expiresAt != null && !expiresAt.isAfter(effectiveFrom)) {
            throw ApiException.invalid("expiresAt", "must be after effectiveFrom");
        }
    }

    private static UUID partnerChannel(Caller caller) {
        if (caller.partnerChannelId() == null) {
            throw new ApiException(ErrorCode.FORBIDDEN, "only a partner channel has a policy inbox");
        }
        return caller.partnerChannelId();
    }
}
