package dev.channelhub.customer;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.customer.CustomerRepository.Found;
import dev.channelhub.customer.CustomerRepository.HistoryRow;
import dev.channelhub.customer.CustomerRepository.IdentityOwner;
import dev.channelhub.customer.IdentityNormalizer.Identity;
import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
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
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Customer use cases: identity resolution, merge/unmerge with lineage, search, touchpoints and the 360° view.
 * REST and GraphQL both call these; other features call {@link #identify(SqlClient, Caller, IdentifyRequest)},
 * {@link #find} and {@link #byIds}.
 */
@ApplicationScoped
public class CustomerService {

    private static final int MAX_RESOLVE_ATTEMPTS = 5;

    @Inject
    CustomerRepository customers;

    @Inject
    MergeSuggestionRepository suggestions;

    @Inject
    IdentityNormalizer normalizer;

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

    @Inject
    @Any
    Instance<CustomerLinked> linked;

    // ------------------------------------------------------------------ identify

    /** REST/GraphQL identify: its own transaction, Idempotency-Key aware; 201 when created, else 200. */
    public Uni<Outcome<IdentifyResult>> identify(Caller caller, IdentifyRequest request, String idempotencyKey) {
        return Uni.createFrom().deferred(() -> {
            requireWriter(caller);
            validator.check(request);
            return idempotency.run(caller, idempotencyKey, "POST /customers/identify", request, IdentifyResult.class,
                    () -> db.inTransaction(tx -> identify(tx, caller, request))
                            .map(r -> r.created() ? Outcome.created(r) : Outcome.ok(r)));
        });
    }

    /**
     * Finds or creates the customer the identities belong to, inside the caller's transaction: no identity
     * known → a new customer; one customer → it, with the new identities attached; several → merged into the
     * oldest. Advisory locks on the identities' hashes make concurrent calls with the same identity serial, so
     * they resolve to one customer. A partner must identify through its own channel and is attached to the result;
     * it never merges (several matches: the oldest, and a merge suggestion for the brand) and sees the result through
     * {@link CustomerProjection}.
     */
    public Uni<IdentifyResult> identify(SqlClient tx, Caller caller, IdentifyRequest request) {
        return Uni.createFrom().deferred(() -> {
            requireWriter(caller);
            validator.check(request);
            UUID channelId = Ids.parse(request.channelId(), "channelId");
            if (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId())) {
                throw ApiException.forbidden("a partner identifies customers through its own channel only");
            }
            if (caller.isPartnerOnly() && blankToNull(request.group()) != null) {
                // The group is a price segment: a partner could otherwise price its own customers as VIPs.
                throw ApiException.forbidden("a partner may not set a customer's group");
            }
            List<Identity> identities = normalizer.normalizeAll(request.identities(), "identities");
            return requireChannel(tx, caller, channelId, "channelId")
                    .flatMap(x -> customers.lockIdentities(tx, caller.tenant(), identities))
                    .flatMap(x -> resolve(tx, caller, request, channelId, identities, 0));
        });
    }

    private Uni<IdentifyResult> resolve(SqlClient tx, Caller caller, IdentifyRequest request, UUID channelId,
                                        List<Identity> identities, int attempt) {
        String tenant = caller.tenant();
        return customers.owners(tx, tenant, identities).flatMap(owners -> {
            Instant now = now();
            if (owners.isEmpty()) {
                return create(tx, caller, request, channelId, identities, now);
            }
            Set<UUID> ids = owners.stream().map(IdentityOwner::customerId).collect(Collectors.toCollection(LinkedHashSet::new));
            return customers.lock(tx, tenant, ids).flatMap(locked -> {
                boolean moved = locked.size() != ids.size() || locked.stream().anyMatch(c -> c.status() != CustomerStatus.ACTIVE);
                if (moved) {
                    // A merge committed between the lookup and the lock: look the identities up again.
                    if (attempt >= MAX_RESOLVE_ATTEMPTS) {
                        return Uni.createFrom().failure(new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                                "customers are being merged concurrently; retry the request"));
                    }
                    return resolve(tx, caller, request, channelId, identities, attempt + 1);
                }
                return customers.owners(tx, tenant, identities).flatMap(again -> {
                    if (!again.stream().map(IdentityOwner::customerId).collect(Collectors.toSet()).equals(ids)) {
                        // An unmerge moved identities while we waited for the lock.
                        return attempt >= MAX_RESOLVE_ATTEMPTS
                                ? Uni.createFrom().failure(new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                                        "customers are being merged concurrently; retry the request"))
                                : resolve(tx, caller, request, channelId, identities, attempt + 1);
                    }
                    return attach(tx, caller, request, channelId, identities, again, locked, now);
                });
            });
        });
    }

    private Uni<IdentifyResult> attach(SqlClient tx, Caller caller, IdentifyRequest request, UUID channelId, List<Identity> identities,
                                       List<IdentityOwner> owners, List<CustomerView> locked, Instant now) {
        String tenant = caller.tenant();
        List<CustomerView> byAge = locked.stream()
                .sorted(Comparator.comparing(CustomerView::createdAt).thenComparing(CustomerView::id)).toList();
        CustomerView survivor = byAge.get(0);
        List<CustomerView> sources = byAge.subList(1, byAge.size());
        Set<String> known = owners.stream().map(o -> new Identity(o.kind(), o.value()).key()).collect(Collectors.toSet());
        List<Identity> fresh = identities.stream().filter(i -> !known.contains(i.key())).toList();
        UUID survivorId = survivor.uuid();
        boolean suggestOnly = caller.isPartnerOnly() && !sources.isEmpty();
        Uni<Void> merged = sources.isEmpty() ? Uni.createFrom().voidItem()
                : suggestOnly ? suggestMerge(tx, caller, byAge, identities, owners, channelId, now)
                : mergeLocked(tx, caller, survivor, sources, "identify: the identities belong to " + byAge.size() + " customers", now);
        String name = blankToNull(request.name());
        return merged
                .flatMap(x -> customers.insertIdentities(tx, tenant, survivorId, fresh, channelId, now))
                .flatMap(x -> customers.fillMissing(tx, tenant, survivorId, name, blankToNull(request.group()), now))
                .flatMap(x -> customers.seen(tx, tenant, survivorId, channelId, now, name))
                .flatMap(x -> visible(tx, caller, survivorId))
                .map(view -> new IdentifyResult(false, view,
                        suggestOnly ? List.of() : sources.stream().map(CustomerView::id).toList()));
    }

    /**
     * A partner's identities point to several customers: nothing moves; the brand gets one open suggestion per set
     * of customers (oldest first) with what the partner presented, and the event {@code customer.mergeSuggested}.
     */
    private Uni<Void> suggestMerge(SqlClient tx, Caller caller, List<CustomerView> byAge, List<Identity> identities,
                                   List<IdentityOwner> owners, UUID channelId, Instant now) {
        Map<String, UUID> ownerByKey = new HashMap<>();
        owners.forEach(o -> ownerByKey.put(new Identity(o.kind(), o.value()).key(), o.customerId()));
        UUID oldest = byAge.get(0).uuid();
        List<SuggestedIdentity> presented = identities.stream()
                .map(i -> new SuggestedIdentity(i.kind(), i.value(), ownerByKey.getOrDefault(i.key(), oldest).toString())).toList();
        return suggestions.insert(tx, caller.tenant(), Ids.newId(), byAge.stream().map(CustomerView::uuid).toList(), presented,
                        channelId, caller.subject(), now)
                .flatMap(inserted -> inserted.isEmpty() ? Uni.createFrom().voidItem()
                        // channel-less: the event is for the brand, not for the partner's feeds
                        : outbox.append(tx, caller, "customer.mergeSuggested", "customerMergeSuggestion",
                        UUID.fromString(inserted.get().id()), null, inserted.get()));
    }

    private Uni<IdentifyResult> create(SqlClient tx, Caller caller, IdentifyRequest request, UUID channelId,
                                       List<Identity> identities, Instant now) {
        String tenant = caller.tenant();
        UUID id = Ids.newId();
        CustomerType type = request.type() == null ? CustomerType.PERSON : request.type();
        return customers.insert(tx, tenant, id, blankToNull(request.name()), type, blankToNull(request.group()), channelId, now)
                .flatMap(x -> customers.insertIdentities(tx, tenant, id, identities, channelId, now))
                .flatMap(x -> customers.seen(tx, tenant, id, channelId, now, blankToNull(request.name())))
                .flatMap(x -> customers.history(tx, tenant, List.of(new HistoryRow(id, "CREATED", null, channelId)),
                        caller.subject(), null, now))
                .flatMap(x -> customers.find(tx, tenant, id))
                .map(Optional::orElseThrow)
                .call(view -> outbox.append(tx, caller, "customer.created", "customer", id, channelId,
                        Map.of("customer", view, "identities", identities)))
                .map(view -> new IdentifyResult(true, project(caller, new Found(view, blankToNull(request.name()))), List.of()));
    }

    // ------------------------------------------------------------------ reads

    /** Internal, unscoped read for other features (inside their transaction or on the pool). */
    /**
     * An order through a channel means the channel has seen the customer (360 channels, partner visibility). Order
     * placement calls this in its own transaction, so customer never needs to know orders.
     */
    public Uni<Void> seenThroughOrder(SqlClient tx, String tenant, UUID customerId, UUID channelId) {
        if (customerId == null || channelId == null) {
            return Uni.createFrom().voidItem();
        }
        return customers.seen(tx, tenant, customerId, channelId, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    public Uni<Optional<CustomerView>> find(SqlClient client, String tenant, UUID id) {
        return customers.find(client, tenant, id);
    }

    /**
     * One customer the caller may see (merged ones too, with {@code mergedInto}), as it may see it (a partner: its
     * projection, {@link CustomerProjection}); anything else NOT_FOUND.
     */
    public Uni<CustomerView> get(Caller caller, UUID id) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            return visible(db.pool(), caller, id);
        });
    }

    private Uni<CustomerView> visible(SqlClient client, Caller caller, UUID id) {
        Uni<Optional<Found>> found = caller.isPartnerOnly()
                ? customers.findVisibleToPartner(client, caller.tenant(), caller.partnerChannelId(), id)
                : customers.find(client, caller.tenant(), id).map(o -> o.map(v -> new Found(v, null)));
        return found.map(o -> project(caller, o.orElseThrow(() -> ApiException.notFound("customer", id))));
    }

    /** The one place reads become what the caller may see: partners get {@link CustomerProjection}, everyone else the record. */
    private static CustomerView project(Caller caller, Found found) {
        return caller.isPartnerOnly() ? CustomerProjection.forPartner(found.customer(), caller.partnerChannelId(), found.channelName())
                : found.customer();
    }

    /** Batch read (GraphQL fields of other features): one statement, input order, null where absent or not visible. */
    public Uni<List<CustomerView>> byIds(Caller caller, List<UUID> ids) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            List<UUID> distinct = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
            if (distinct.isEmpty()) {
                return Uni.createFrom().item(ids.stream().map(x -> (CustomerView) null).collect(Collectors.toList()));
            }
            Uni<List<CustomerView>> read = caller.isPartnerOnly()
                    ? customers.findAllForPartner(db.pool(), caller.tenant(), caller.partnerChannelId(), distinct)
                    .map(rows -> rows.stream().map(f -> project(caller, f)).toList())
                    : customers.findAll(db.pool(), caller.tenant(), distinct);
            return read.map(found -> {
                        Map<String, CustomerView> byId = found.stream().collect(Collectors.toMap(CustomerView::id, Function.identity()));
                        return ids.stream().map(id -> id == null ? null : byId.get(id.toString())).collect(Collectors.toList());
                    });
        });
    }

    // ------------------------------------------------------------------ search / update / history

    /**
     * Name prefix or an identity of any kind (normalised as identify would), optionally by channel (seen there
     * or owned) and group; ACTIVE customers unless another status is asked for. Partners: only theirs, found by
     * what they see (their own channel's identities and names), and filters on what they do not see (another channel,
     * the group) match nothing.
     */
    public Uni<Page<CustomerView>> search(Caller caller, String q, UUID channelId, String group, CustomerStatus status, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            String term = blankToNull(q);
            if (term != null && term.length() > 200) {
                throw ApiException.invalid("q", "at most 200 characters");
            }
            List<Identity> identities = new ArrayList<>();
            if (term != null) {
                for (IdentityKind kind : IdentityKind.values()) {
                    Identity id = normalizer.tryNormalize(kind, term);
                    if (id != null) {
                        identities.add(id);
                    }
                }
            }
            var filter = new CustomerRepository.SearchFilter(term, identities, channelId, blankToNull(group),
                    status == null ? CustomerStatus.ACTIVE : status);
            if (caller.isPartnerOnly() && (filter.group() != null || (channelId != null && !channelId.equals(caller.partnerChannelId())))) {
                return Uni.createFrom().item(new Page<CustomerView>(List.of(), null));
            }
            return customers.search(caller.tenant(), caller.isPartnerOnly() ? caller.partnerChannelId() : null, filter, page)
                    .map(rows -> Page.of(rows.stream().map(f -> project(caller, f)).toList(), page, CustomerView::id));
        });
    }

    /**
     * PATCH: If-Match / version aware; a merged customer cannot change (409). Partners change only customers their
     * channel owns (others they see: 403) and never the group or owner.
     */
    public Uni<CustomerView> update(Caller caller, UUID id, CustomerPatch patch, Integer expectedVersion) {
        return Uni.createFrom().deferred(() -> {
            requireWriter(caller);
            validator.check(patch);
            if (caller.isPartnerOnly() && (patch.group() != null || patch.ownerChannelId() != null)) {
                throw ApiException.forbidden("a partner may not change a customer's group or owner channel");
            }
            boolean clearOwner = patch.ownerChannelId() != null && patch.ownerChannelId().isBlank();
            UUID owner = clearOwner ? null : Ids.parseNullable(patch.ownerChannelId(), "ownerChannelId");
            boolean clearGroup = patch.group() != null && patch.group().isBlank();
            List<String> tags = patch.tags() == null ? null : patch.tags().stream().map(String::strip).distinct().toList();
            String name = patch.name() == null ? null : patch.name().strip();
            if (name != null && name.isEmpty()) {
                throw ApiException.invalid("name", "must not be blank");
            }
            Uni<Void> ownerCheck = owner == null ? Uni.createFrom().voidItem() : requireChannel(db.pool(), caller, owner, "ownerChannelId");
            return ownerCheck.flatMap(x -> db.inTransaction(tx -> visible(tx, caller, id).flatMap(current -> {
                if (caller.isPartnerOnly() && !caller.partnerChannelId().toString().equals(current.ownerChannelId())) {
                    throw ApiException.forbidden("a partner changes only customers its channel owns");
                }
                if (current.status() == CustomerStatus.MERGED) {
                    throw new ApiException(ErrorCode.INVALID_TRANSITION, "customer " + id + " is merged into " + current.mergedInto());
                }
                if (expectedVersion != null && expectedVersion != current.version()) {
                    throw ApiException.versionConflict("customer " + id, expectedVersion, current.version());
                }
                Instant now = now();
                return customers.update(tx, caller.tenant(), id, expectedVersion, name, patch.type(),
                                clearGroup ? null : blankToNull(patch.group()), clearGroup, tags, patch.attributes(), owner, clearOwner, now)
                        .flatMap(n -> {
                            if (n == 0) {
                                return Uni.createFrom().failure(ApiException.versionConflict("customer " + id,
                                        expectedVersion == null ? current.version() : expectedVersion, current.version() + 1));
                            }
                            return customers.history(tx, caller.tenant(), List.of(new HistoryRow(id, "UPDATED", null, null)),
                                    caller.subject(), null, now);
                        })
                        .flatMap(v -> visible(tx, caller, id));
            })));
        });
    }

    /** Created, merged, unmerged, updated: with actor and reason, oldest first. A partner: its own channel's entries only. */
    public Uni<Page<HistoryEntry>> history(Caller caller, UUID id, PageRequest page) {
        return get(caller, id).flatMap(c -> customers.history(caller.tenant(), id, caller.isPartnerOnly() ? caller.partnerChannelId() : null, page))
                .map(rows -> Page.of(rows, page, HistoryEntry::id));
    }

    // ------------------------------------------------------------------ merge / unmerge

    /** Folds {@code sourceIds} into {@code survivorId}: the sources become MERGED, their rows move, lineage is kept. */
    public Uni<MergeResult> merge(Caller caller, UUID survivorId, MergeRequest request) {
        return Uni.createFrom().deferred(() -> {
            if (caller.isPartnerOnly()) {
                // Another channel's customer is NOT_FOUND to a partner (contract §3); one it sees is FORBIDDEN.
                return get(caller, survivorId).flatMap(v -> Uni.createFrom().failure(ApiException.forbidden("a partner may not merge customers")));
            }
            caller.require(Role.SALES);
            validator.check(request);
            List<UUID> sources = new ArrayList<>();
            for (int i = 0; i < request.sourceIds().size(); i++) {
                UUID s = Ids.parse(request.sourceIds().get(i), "sourceIds[" + i + "]");
                if (s.equals(survivorId)) {
                    throw ApiException.invalid("sourceIds[" + i + "]", "a customer cannot be merged into itself");
                }
                if (!sources.contains(s)) {
                    sources.add(s);
                }
            }
            String reason = blankToNull(request.reason());
            return db.inTransaction(tx -> merge(tx, caller, survivorId, sources, reason));
        });
    }

    /**
     * The merge use case inside the caller's transaction, without the role check (accepting a merge suggestion
     * runs it for managers too): every customer must exist and be ACTIVE (else 404 / 409 INVALID_TRANSITION).
     */
    Uni<MergeResult> merge(SqlClient tx, Caller caller, UUID survivorId, List<UUID> sources, String reason) {
        String tenant = caller.tenant();
        List<UUID> all = new ArrayList<>(sources);
        all.add(survivorId);
        return customers.lock(tx, tenant, all).flatMap(locked -> {
            Map<UUID, CustomerView> byId = locked.stream().collect(Collectors.toMap(CustomerView::uuid, Function.identity()));
            CustomerView survivor = byId.get(survivorId);
            if (survivor == null) {
                throw ApiException.notFound("customer", survivorId);
            }
            requireActive(survivor);
            List<CustomerView> sourceViews = new ArrayList<>();
            for (UUID s : sources) {
                CustomerView v = byId.get(s);
                if (v == null) {
                    throw ApiException.notFound("customer", s);
                }
                requireActive(v);
                sourceViews.add(v);
            }
            Instant now = now();
            return mergeLocked(tx, caller, survivor, sourceViews, reason, now)
                    .flatMap(x -> customers.find(tx, tenant, survivorId))
                    .map(v -> new MergeResult(v.orElseThrow(), sources.stream().map(UUID::toString).toList()));
        });
    }

    /** Undoes the merge of {@code sourceId} into {@code survivorId}: the source gets back exactly what was its own. */
    public Uni<UnmergeResult> unmerge(Caller caller, UUID survivorId, UnmergeRequest request) {
        return Uni.createFrom().deferred(() -> {
            if (caller.isPartnerOnly()) {
                // Another channel's customer is NOT_FOUND to a partner (contract §3); one it sees is FORBIDDEN.
                return get(caller, survivorId).flatMap(v -> Uni.createFrom().failure(ApiException.forbidden("a partner may not merge customers")));
            }
            caller.require(Role.SALES);
            validator.check(request);
            UUID sourceId = Ids.parse(request.sourceId(), "sourceId");
            String reason = blankToNull(request.reason());
            String tenant = caller.tenant();
            return db.inTransaction(tx -> customers.lock(tx, tenant, List.of(survivorId, sourceId)).flatMap(locked -> {
                Map<UUID, CustomerView> byId = locked.stream().collect(Collectors.toMap(CustomerView::uuid, Function.identity()));
                if (!byId.containsKey(survivorId)) {
                    throw ApiException.notFound("customer", survivorId);
                }
                CustomerView source = byId.get(sourceId);
                if (source == null) {
                    throw ApiException.notFound("customer", sourceId);
                }
                if (source.status() != CustomerStatus.MERGED || !survivorId.toString().equals(source.mergedInto())) {
                    throw new ApiException(ErrorCode.INVALID_TRANSITION, "customer " + sourceId + " is not merged into " + survivorId);
                }
                Instant now = now();
                Uni<Void> chain = customers.unmerge(tx, tenant, sourceId, survivorId, caller.subject(), now)
                        .flatMap(x -> customers.history(tx, tenant, List.of(new HistoryRow(survivorId, "UNMERGED_OUT", sourceId, null),
                                new HistoryRow(sourceId, "RESTORED", survivorId, null)), caller.subject(), reason, now));
                for (CustomerLinked participant : linked) {
                    chain = chain.flatMap(x -> participant.unmerge(tx, tenant, sourceId, survivorId));
                }
                Map<String, Object> payload = new HashMap<>();
                payload.put("survivorId", survivorId.toString());
                payload.put("sourceId", sourceId.toString());
                payload.put("reason", reason);
                return chain.flatMap(x -> outbox.append(tx, caller, "customer.unmerged", "customer", sourceId, null, payload))
                        .flatMap(x -> customers.findAll(tx, tenant, List.of(survivorId, sourceId)))
                        .map(views -> {
                            Map<String, CustomerView> v = views.stream().collect(Collectors.toMap(CustomerView::id, Function.identity()));
                            return new UnmergeResult(v.get(survivorId.toString()), v.get(sourceId.toString()));
                        });
            }));
        });
    }

    private static void requireActive(CustomerView c) {
        if (c.status() != CustomerStatus.ACTIVE) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "customer " + c.id() + " is already merged into " + c.mergedInto());
        }
    }

    // ------------------------------------------------------------------ touchpoints

    /** A visit, call, purchase...: the channel has now seen the customer. Partners record through their own channel. */
    public Uni<Outcome<TouchpointView>> addTouchpoint(Caller caller, UUID customerId, AddTouchpointRequest request, String idempotencyKey) {
        return Uni.createFrom().deferred(() -> {
            requireWriter(caller);
            validator.check(request);
            UUID channelId = Ids.parse(request.channelId(), "channelId");
            if (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId())) {
                throw ApiException.forbidden("a partner records touchpoints through its own channel only");
            }
            String note = blankToNull(request.note());
            AddTouchpointRequest clean = new AddTouchpointRequest(request.channelId(), request.kind(), request.occurredAt(), note);
            return idempotency.run(caller, idempotencyKey, "POST /customers/" + customerId + "/touchpoints", request, TouchpointView.class,
                    () -> db.inTransaction(tx -> requireChannel(tx, caller, channelId, "channelId").flatMap(x ->
                            visible(tx, caller, customerId)).flatMap(c -> {
                                if (c.status() == CustomerStatus.MERGED) {
                                    throw new ApiException(ErrorCode.INVALID_TRANSITION,
                                            "customer " + customerId + " is merged into " + c.mergedInto() + "; record it there");
                                }
                                Instant now = now();
                                return customers.insertTouchpoint(tx, caller.tenant(), Ids.newId(), customerId, clean, channelId,
                                                caller.subject(), now)
                                        .call(t -> customers.seen(tx, caller.tenant(), customerId, channelId, t.occurredAt()));
                            })).map(Outcome::created));
        });
    }

    /** Newest first; partners see only the touchpoints through their own channel. */
    public Uni<Page<TouchpointView>> touchpoints(Caller caller, UUID customerId, PageRequest page) {
        return get(caller, customerId).flatMap(c -> touchpointPages(caller, List.of(c), page)).map(pages -> pages.get(0));
    }

    /** One page of touchpoints per customer, in one statement (GraphQL batches through here). */
    public Uni<List<Page<TouchpointView>>> touchpointPages(Caller caller, List<CustomerView> parents, PageRequest page) {
        Instant afterAt = null;
        UUID afterId = null;
        if (page.after() != null) {
            String[] parts = page.after().split("/", 2);
            try {
                afterAt = Instant.parse(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw ApiException.invalid("cursor", "is not a cursor this API issued");
            }
        }
        List<UUID> ids = parents.stream().map(CustomerView::uuid).toList();
        return customers.touchpoints(db.pool(), caller.tenant(), ids, caller.isPartnerOnly() ? caller.partnerChannelId() : null,
                        afterAt, afterId, page.fetchSize())
                .map(byCustomer -> ids.stream()
                        .map(id -> Page.of(byCustomer.getOrDefault(id, List.of()), page, CustomerService::touchpointKey))
                        .toList());
    }

    public static String touchpointKey(TouchpointView t) {
        return t.occurredAt().toString() + "/" + t.id();
    }

    /** Locked survivor and sources: moves rows, lineage, history, other features' rows, event. */
    Uni<Void> mergeLocked(SqlClient tx, Caller caller, CustomerView survivor, List<CustomerView> sources, String reason, Instant now) {
        String tenant = caller.tenant();
        UUID survivorId = survivor.uuid();
        List<UUID> sourceIds = sources.stream().map(CustomerView::uuid).toList();
        List<HistoryRow> rows = new ArrayList<>();
        for (UUID s : sourceIds) {
            rows.add(new HistoryRow(survivorId, "MERGED_IN", s, null));
            rows.add(new HistoryRow(s, "MERGED_INTO", survivorId, null));
        }
        Uni<Void> chain = customers.merge(tx, tenant, sourceIds, survivorId, now)
                .flatMap(x -> customers.recordMerges(tx, tenant, sourceIds, survivorId, reason, caller.subject(), now))
                .flatMap(x -> customers.history(tx, tenant, rows, caller.subject(), reason, now));
        for (CustomerLinked participant : linked) {
            chain = chain.flatMap(x -> participant.merge(tx, tenant, sourceIds, survivorId));
        }
        Map<String, Object> payload = new HashMap<>();
        payload.put("survivorId", survivor.id());
        payload.put("sourceIds", sources.stream().map(CustomerView::id).toList());
        payload.put("reason", reason);
        return chain.flatMap(x -> outbox.append(tx, caller, "customer.merged", "customer", survivorId, null, payload));
    }

    // ------------------------------------------------------------------ helpers

    /** The channel must exist in the tenant; otherwise a 400 naming {@code field}. (Partners are held to their own channel before.) */
    Uni<Void> requireChannel(SqlClient client, Caller caller, UUID channelId, String field) {
        return channels.find(client, caller.tenant(), channelId).map(found -> {
            if (found.isEmpty()) {
                throw ApiException.invalid(field, "no such channel");
            }
            return null;
        });
    }

    static void requireWriter(Caller caller) {
        caller.require(Role.SALES, Role.PARTNER, Role.INTEGRATION);
    }

    static void requireReader(Caller caller) {
        caller.require(Role.MANAGER, Role.SALES, Role.PARTNER, Role.INTEGRATION);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
