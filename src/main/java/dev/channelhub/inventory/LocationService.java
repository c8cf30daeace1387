package dev.channelhub.inventory;

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
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.validation.RequestValidator;
import dev.channelhub.shared.web.MergePatch;
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
import java.util.UUID;

/**
 * Stock locations: where stock lies and which channels each one serves. Creates and patches are {@link LocationEntity}
 * writes in a Hibernate Reactive transaction; reads (and other inventory use cases' lookups by code) are SQL.
 */
@ApplicationScoped
public class LocationService {

    @Inject
    LocationRepository locations;

    @Inject
    Db db;

    @Inject
    IdempotencyService idempotency;

    @Inject
    RequestValidator validator;

    public Uni<Outcome<LocationView>> create(Caller caller, CreateLocationRequest request, String idempotencyKey) {
        caller.require(Role.MANAGER, Role.INTEGRATION);
        validator.check(request);
        UUID[] channelIds = parseChannelIds(request.channelIds());
        // One Hibernate Reactive transaction: the location and the idempotency answer commit together
        // (docs/DEVELOPING.md "Persistence").
        return idempotency.runRecording(caller, idempotencyKey, "POST /locations", request, LocationView.class,
                completion -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> {
                    Instant now = now();
                    LocationEntity location = new LocationEntity();
                    location.tenantId = caller.tenant();
                    location.id = Ids.newId();
                    location.code = request.code();
                    location.name = request.name();
                    location.type = request.type();
                    location.region = request.region();
                    location.channelIds = channelIds;
                    location.priority = request.priority() == null ? 0 : request.priority();
                    location.version = 1;
                    location.createdAt = now;
                    location.updatedAt = now;
                    return session.persist(location).call(session::flush)
                            .onFailure(ApiErrors::isUniqueViolation).transform(e ->
                                    new ApiException(ErrorCode.DUPLICATE, "location code " + request.code() + " already exists"))
                            .map(x -> location.toView())
                            .flatMap(view -> completion.record(session, Outcome.created(view)));
                })));
    }

    /**
     * Renames, re-prioritises or re-targets a location; the code and type stay. Reservations follow at once. Every
     * accepted patch (even one that changes no value) is a new version, as the contract's ETag promises.
     */
    public Uni<LocationView> update(Caller caller, UUID id, LocationPatch patch, Integer expectedVersion) {
        caller.require(Role.MANAGER, Role.INTEGRATION);
        validator.check(patch);
        for (String f : MergePatch.checkClear(patch.clear(), LocationPatch.CLEARABLE)) {
            if ("region".equals(f) ? patch.region() != null : patch.channelIds() != null) {
                throw ApiException.invalid(f, "cannot be set and cleared at once");
            }
        }
        UUID[] channelIds = parseChannelIds(patch.channelIds());
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> locations.lockEntity(caller.tenant(), id)
                .flatMap(current -> {
                    if (current == null) {
                        throw ApiException.notFound("location", id);
                    }
                    if (expectedVersion != null && expectedVersion != current.version) {
                        throw ApiException.versionConflict("location " + current.code, expectedVersion, current.version);
                    }
                    if (patch.name() != null) {
                        current.name = patch.name();
                    }
                    current.region = patch.clears("region") ? null : patch.region() != null ? patch.region() : current.region;
                    current.channelIds = patch.clears("channelIds") ? null : channelIds != null ? channelIds : current.channelIds;
                    if (patch.priority() != null) {
                        current.priority = patch.priority();
                    }
                    // A new updatedAt makes the row dirty, so the flush always writes it and bumps the version.
                    current.updatedAt = now();
                    return session.flush().map(x -> current.toView());
                })));
    }

    public Uni<LocationView> get(Caller caller, UUID id) {
        return locations.find(db.pool(), caller.tenant(), id).map(found -> found
                .filter(l -> visible(caller, l))
                .orElseThrow(() -> ApiException.notFound("location", id)));
    }

    public Uni<Page<LocationView>> list(Caller caller, PageRequest page) {
        UUID serving = caller.isPartnerOnly() ? caller.partnerChannelId() : null;
        return locations.list(caller.tenant(), serving, page).map(rows -> Page.of(rows, page, LocationView::id));
    }

    /** A location by code for a write path; an unknown code names the field. */
    Uni<LocationView> byCode(SqlClient client, String tenant, String code, String field) {
        return locations.findByCode(client, tenant, code).map(found -> found.orElseThrow(() ->
                new ApiException(ErrorCode.NOT_FOUND, "location " + code + " not found", List.of(new FieldError(field, "no such location")))));
    }

    /** Partners see the locations that serve their channel. */
    static boolean visible(Caller caller, LocationView location) {
        return !caller.isPartnerOnly() || location.channelIds() == null
                || location.channelIds().contains(caller.partnerChannelId().toString());
    }

    private static UUID[] parseChannelIds(List<String> ids) {
        if (ids == null) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        LinkedHashSet<UUID> out = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            try {
                out.add(Ids.parse(ids.get(i), "channelIds[" + i + "]"));
            } catch (ApiException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return out.toArray(new UUID[0]);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
