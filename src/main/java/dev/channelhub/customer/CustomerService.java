package dev.channelhub.customer;

import dev.channelhub.channel.ChannelService;
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
     * they resolve to one customer. A partner must identify through its own channel and is attached to the result.
     */
    public Uni<IdentifyResult> identify(SqlClient tx, Caller caller, IdentifyRequest request) {
        return Uni.createFrom().deferred(() -> {
            requireWriter(caller);
            validator.check(request);
            UUID channelId = Ids.parse(request.channelId(), "channelId");
            if (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId())) {
                throw ApiException.forbidden("a partner identifies customers through its own channel only");
            }
            List<Identity> identities = normalizer.normalizeAll(request.identities(), "identities");
            return requireChannel(caller, channelId, "channelId")
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
                List<CustomerView> byAge = locked.stream()
                        .sorted(Comparator.comparing(CustomerView::createdAt).thenComparing(CustomerView::id)).toList();
                CustomerView survivor = byAge.get(0);
                List<CustomerView> sources = byAge.subList(1, byAge.size());
                Set<String> known = owners.stream().map(o -> new Identity(o.kind(), o.value()).key()).collect(Collectors.toSet());
                List<Identity> fresh = identities.stream().filter(i -> !known.contains(i.key())).toList();
                UUID survivorId = survivor.uuid();
                Uni<Void> merged = sources.isEmpty() ? Uni.createFrom().voidItem()
                        : mergeLocked(tx, caller, survivor, sources, "identify: the identities belong to " + byAge.size() + " customers", now);
                return merged
                        .flatMap(x -> customers.insertIdentities(tx, tenant, survivorId, fresh, channelId, now))
                        .flatMap(x -> customers.fillMissing(tx, tenant, survivorId, blankToNull(request.name()),
                                blankToNull(request.group()), now))
                        .flatMap(x -> customers.seen(tx, tenant, survivorId, channelId, now))
                        .flatMap(x -> customers.find(tx, tenant, survivorId))
                        .map(view -> new IdentifyResult(false, view.orElseThrow(),
                                sources.stream().map(CustomerView::id).toList()));
            });
        });
    }

    private Uni<IdentifyResult> create(SqlClient tx, Caller caller, IdentifyRequest request, UUID channelId,
                                       List<Identity> identities, Instant now) {
        String tenant = caller.tenant();
        UUID id = Ids.newId();
        CustomerType type = request.type() == null ? CustomerType.PERSON : request.type();
        return customers.insert(tx, tenant, id, blankToNull(request.name()), type, blankToNull(request.group()), channelId, now)
                .flatMap(x -> customers.insertIdentities(tx, tenant, id, identities, channelId, now))
                .flatMap(x -> customers.seen(tx, tenant, id, channelId, now))
                .flatMap(x -> customers.history(tx, tenant, List.of(new HistoryRow(id, "CREATED", null, channelId)),
                        caller.subject(), null, now))
                .flatMap(x -> customers.find(tx, tenant, id))
                .map(Optional::orElseThrow)
                .call(view -> outbox.append(tx, caller, "customer.created", "customer", id, channelId,
                        Map.of("customer", view, "identities", identities)))
                .map(view -> new IdentifyResult(true, view, List.of()));
    }

    // ------------------------------------------------------------------ reads

    /** Internal, unscoped read for other features (inside their transaction or on the pool). */
    public Uni<Optional<CustomerView>> find(SqlClient client, String tenant, UUID id) {
        return customers.find(client, tenant, id);
    }

    /** One customer the caller may see (merged ones too, with {@code mergedInto}); anything else NOT_FOUND. */
    public Uni<CustomerView> get(Caller caller, UUID id) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            return visible(db.pool(), caller, id);
        });
    }

    private Uni<CustomerView> visible(SqlClient client, Caller caller, UUID id) {
        Uni<Optional<CustomerView>> found = caller.isPartnerOnly()
                ? customers.findVisibleToPartner(client, caller.tenant(), caller.partnerChannelId(), id)
                : customers.find(client, caller.tenant(), id);
        return found.map(o -> o.orElseThrow(() -> ApiException.notFound("customer", id)));
    }

    /** Batch read (GraphQL fields of other features): one statement, input order, null where absent or not visible. */
    public Uni<List<CustomerView>> byIds(Caller caller, List<UUID> ids) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            List<UUID> distinct = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
            if (distinct.isEmpty()) {
                return Uni.createFrom().item(ids.stream().map(x -> (CustomerView) null).collect(Collectors.toList()));
            }
            return customers.findAll(db.pool(), caller.tenant(), caller.isPartnerOnly() ? caller.partnerChannelId() : null, distinct)
                    .map(found -> {
                        Map<String, CustomerView> byId = found.stream().collect(Collectors.toMap(CustomerView::id, Function.identity()));
                        return ids.stream().map(id -> id == null ? null : byId.get(id.toString())).collect(Collectors.toList());
                    });
        });
    }

    // ------------------------------------------------------------------ merge / unmerge

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

    /** The channel must exist in the tenant (and be visible to a partner); otherwise a 400 naming {@code field}. */
    Uni<Void> requireChannel(Caller caller, UUID channelId, String field) {
        return channels.get(caller, channelId)
                .onFailure(t -> t instanceof ApiException e && e.code() == ErrorCode.NOT_FOUND)
                .transform(t -> ApiException.invalid(field, "no such channel"))
                .replaceWithVoid();
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
