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
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Routing rules: managers write them, sales and managers read them. */
@ApplicationScoped
public class LeadRoutingRules {

    @Inject
    LeadRepository leads;

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
        return idempotency.run(caller, idempotencyKey, "POST /lead-routing-rules", request, RoutingRuleView.class,
                () -> requireChannel(caller, target).flatMap(x -> db.inTransaction(tx -> {
                    UUID id = Ids.newId();
                    return leads.insertRule(tx, caller.tenant(), id, request, target.channel(), target.group())
                            .flatMap(y -> leads.rule(tx, caller.tenant(), id)).map(Optional::orElseThrow).map(Outcome::created);
                })));
    }

    public Uni<RoutingRuleView> update(Caller caller, UUID id, RoutingRuleRequest request, Integer expected) {
        caller.require(Role.MANAGER);
        Target target = check(request);
        return requireChannel(caller, target).flatMap(x -> db.inTransaction(tx -> leads.rule(tx, caller.tenant(), id).flatMap(found -> {
            RoutingRuleView cur = found.orElseThrow(() -> ApiException.notFound("routing rule", id));
            if (expected != null && expected != cur.version()) {
                throw ApiException.versionConflict("routing rule " + id, expected, cur.version());
            }
            return leads.updateRule(tx, caller.tenant(), id, request, target.channel(), target.group(), cur.version())
                    .flatMap(ok -> {
                        if (!ok) {
                            throw ApiException.versionConflict("routing rule " + id, cur.version(), cur.version() + 1);
                        }
                        return leads.rule(tx, caller.tenant(), id).map(Optional::orElseThrow);
                    });
        })));
    }

    public Uni<Void> delete(Caller caller, UUID id) {
        caller.require(Role.MANAGER);
        return db.inTransaction(tx -> leads.deleteRule(tx, caller.tenant(), id)).map(ok -> {
            if (!ok) {
                throw ApiException.notFound("routing rule", id);
            }
            return null;
        });
    }

    public Uni<RoutingRuleView> get(Caller caller, UUID id) {
        caller.require(Role.MANAGER, Role.SALES);
        return leads.rule(db.pool(), caller.tenant(), id).map(o -> o.orElseThrow(() -> ApiException.notFound("routing rule", id)));
    }

    public Uni<Page<RoutingRuleView>> list(Caller caller, PageRequest page) {
        caller.require(Role.MANAGER, Role.SALES);
        return leads.rulePage(caller.tenant(), page).map(rows -> Page.of(rows, page, RoutingRuleView::id));
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
