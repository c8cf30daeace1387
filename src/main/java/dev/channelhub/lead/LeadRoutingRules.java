package dev.channelhub.lead;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.shared.error.ApiException;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Routing rules: managers write them, sales and managers read them. */
@ApplicationScoped
public class LeadRoutingRules {

    @Inject
    LeadRoutingRuleRepository rules;

    @Inject
    ChannelService channels;

    @Inject
    Db db;

    @Inject
    IdempotencyService idempotency;

    @Inject
    RequestValidator validator;

    private record Target(UUID channel, UUID group) {
    }

    public Uni<Outcome<RoutingRuleView>> create(Caller caller, RoutingRuleRequest request, String idempotencyKey) {
        caller.require(Role.MANAGER);
        Target target = check(request);
        // One Hibernate Reactive transaction: the rule and the idempotency answer commit together.
        return idempotency.runRecording(caller, idempotencyKey, "POST /lead-routing-rules", request, RoutingRuleView.class,
                completion -> requireChannel(caller, target).flatMap(x -> Panache.withTransaction(() -> Panache.getSession()
                        .flatMap(session -> {
                            Instant now = now();
                            LeadRoutingRuleEntity rule = new LeadRoutingRuleEntity();
                            rule.tenantId = caller.tenant();
                            rule.id = Ids.newId();
                            rule.set(request, target.channel(), target.group());
                            rule.version = 1;
                            rule.createdAt = now;
                            rule.updatedAt = now;
                            return session.persist(rule).call(session::flush)
                                    .flatMap(y -> completion.record(session, Outcome.created(rule.toView())));
                        }))));
    }

    /** {@code PUT /lead-routing-rules/{id}}: replaces the rule; {@code expected} (If-Match / {@code version}) must match. */
    public Uni<RoutingRuleView> update(Caller caller, UUID id, RoutingRuleRequest request, Integer expected) {
        caller.require(Role.MANAGER);
        Target target = check(request);
        return requireChannel(caller, target).flatMap(x -> Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> rules.lockEntity(caller.tenant(), id).flatMap(rule -> {
                    if (rule == null) {
                        throw ApiException.notFound("routing rule", id);
                    }
                    if (expected != null && expected != rule.version) {
                        throw ApiException.versionConflict("routing rule " + id, expected, rule.version);
                    }
                    rule.set(request, target.channel(), target.group());
                    rule.updatedAt = now();
                    return session.flush().map(y -> rule.toView());
                }))));
    }

    /** {@code DELETE /lead-routing-rules/{id}}: one statement; leads already routed keep their assignee. */
    public Uni<Void> delete(Caller caller, UUID id) {
        caller.require(Role.MANAGER);
        return Panache.withTransaction(() -> rules.deleteEntity(caller.tenant(), id)).map(deleted -> {
            if (!deleted) {
                throw ApiException.notFound("routing rule", id);
            }
            return null;
        });
    }

    public Uni<RoutingRuleView> get(Caller caller, UUID id) {
        caller.require(Role.MANAGER, Role.SALES);
        return rules.find(db.pool(), caller.tenant(), id).map(o -> o.orElseThrow(() -> ApiException.notFound("routing rule", id)));
    }

    public Uni<Page<RoutingRuleView>> list(Caller caller, PageRequest page) {
        caller.require(Role.MANAGER, Role.SALES);
        return rules.page(caller.tenant(), page).map(rows -> Page.of(rows, page, RoutingRuleView::id));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private Target check(RoutingRuleRequest request) {
        validator.check(request);
        List<FieldError> errors = new ArrayList<>();
        if (request.match() != null) {
            codes(errors, "match.regions", request.match().regions());
            codes(errors, "match.categories", request.match().categories());
        }
        RuleTarget t = request.target();
        boolean hasChannel = t.channelId() != null && !t.channelId().isBlank();
        boolean hasGroup = t.channelGroupId() != null && !t.channelGroupId().isBlank();
        if (hasChannel == hasGroup) {
            errors.add(new FieldError("target", "give exactly one of channelId and channelGroupId"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Target(hasChannel ? Ids.parse(t.channelId(), "target.channelId") : null,
                hasGroup ? Ids.parse(t.channelGroupId(), "target.channelGroupId") : null);
    }

    private static void codes(List<FieldError> errors, String field, List<String> values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || v.isBlank() || v.length() > 64) {
                errors.add(new FieldError(field + "[" + i + "]", "must be 1 to 64 characters"));
            }
        }
    }

    private Uni<Void> requireChannel(Caller caller, Target target) {
        if (target.channel() == null) {
            return Uni.createFrom().voidItem();
        }
        return channels.find(db.pool(), caller.tenant(), target.channel()).map(found -> {
            if (found.isEmpty()) {
                throw ApiException.invalid("target.channelId", "no such channel");
            }
            return null;
        });
    }
}
