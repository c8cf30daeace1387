package dev.channelhub.incentive;

import dev.channelhub.shared.time.Period;
import dev.channelhub.channel.ChannelGroupService;
import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
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
import dev.channelhub.shared.persistence.DerivedReads;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Channel targets (API-CONTRACT-2 §8): managers set them per channel and period, the ranking compares a period's
 * targets across a channel group, a partner reads its own. Actuals are the sales report's figures (docs/KPIS.md).
 */
@ApplicationScoped
public class ChannelTargetService {

    @Inject
    ChannelTargetRepository targets;

    @Inject
    ChannelService channels;

    @Inject
    ChannelGroupService groups;

    @Inject
    Db db;

    @Inject
    RequestValidator validator;

    @Inject
    EventOutbox outbox;

    /** The rollups the actuals come from are kept from the outbox: caught up before each read. */
    @Inject
    DerivedReads rollups;

    /** The tenant time zone of the rollups (the same property analytics reads). */
    @ConfigProperty(name = "channelhub.analytics.time-zone", defaultValue = "Asia/Shanghai")
    String zone;

    /**
     * {@code PUT /channels/{id}/targets/{period}}: creates or replaces the target (version 1, then +1 per change);
     * {@code expectedVersion} must match an existing target (VERSION_CONFLICT) or, for a new one, be absent (NOT_FOUND).
     */
    public Uni<ChannelTargetView> set(Caller caller, UUID channelId, String periodCode, SetTargetRequest request, Integer expectedVersion) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER);
            Period period = Period.parse(periodCode, "period");
            validator.check(request);
            String tenant = caller.tenant();
            return channels.find(db.pool(), tenant, channelId)
                    .map(found -> found.orElseThrow(() -> ApiException.notFound("channel", channelId)))
                    .call(rollups::catchUp) // the answer's actuals include every order committed before it
                    .flatMap(ch -> write(caller, ch, period, request, expectedVersion));
        });
    }

    private Uni<ChannelTargetView> write(Caller caller, ChannelView ch, Period period, SetTargetRequest request, Integer expectedVersion) {
        String tenant = caller.tenant();
        UUID channelId = UUID.fromString(ch.id());
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> targets.lock(tenant, channelId, period.toString())
                .flatMap(found -> found != null || expectedVersion != null ? Uni.createFrom().item(found)
                        // The first setting: wait for a concurrent first setting, then look again.
                        : targets.lockKey(session, tenant, channelId, period.toString())
                        .flatMap(x -> targets.lock(tenant, channelId, period.toString())))
                .flatMap(current -> {
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    ChannelTargetEntity t = current;
                    Uni<Void> saved;
                    if (t == null) {
                        if (expectedVersion != null) {
                            throw ApiException.notFound("target", ch.id() + "/" + period.toString());
                        }
                        t = new ChannelTargetEntity();
                        t.tenantId = tenant;
                        t.id = Ids.newId();
                        t.channelId = channelId;
                        t.period = period.toString();
                        t.periodStart = period.firstDay();
                        t.periodEnd = period.endExclusive();
                        t.currency = ch.currency();
                        t.version = 1;
                        t.createdAt = now;
                        t.revenue = request.revenue();
                        t.newCustomers = request.newCustomers();
                        t.updatedBy = caller.subject();
                        t.updatedAt = now;
                        saved = session.persist(t);
                    } else {
                        if (expectedVersion != null && expectedVersion != t.version) {
                            throw ApiException.versionConflict("target " + period.toString() + " of channel " + ch.id(), expectedVersion, t.version);
                        }
                        t.revenue = request.revenue();
                        t.newCustomers = request.newCustomers();
                        t.updatedBy = caller.subject();
                        // A new updatedAt makes the row dirty: every PUT is a new version.
                        t.updatedAt = now;
                        saved = Uni.createFrom().voidItem();
                    }
                    ChannelTargetEntity target = t;
                    return saved.call(session::flush)
                            .flatMap(x -> targets.actuals(db.pool(), tenant, channelId, target.periodStart, target.periodEnd,
                                    target.currency, zone))
                            .map(actuals -> view(target, actuals))
                            .call(view -> outbox.append(session, caller, "target.set", "target", target.id, channelId, view));
                })));
    }

    private static ChannelTargetView view(ChannelTargetEntity t, ChannelTargetRepository.Actuals a) {
        String cur = t.currency;
        BigDecimal attainment = a.revenue().divide(t.revenue, 4, java.math.RoundingMode.HALF_UP);
        return new ChannelTargetView(t.channelId.toString(), t.period, cur, dev.channelhub.shared.money.Money.round(t.revenue, cur),
                t.newCustomers, dev.channelhub.shared.money.Money.round(a.revenue(), cur), a.newCustomers(), attainment, null, t.version);
    }

    /**
     * {@code GET /targets?period=&channelGroupId=}: the period's targets (of the group's members when given), by
     * attainment descending with their rank (equal attainment, equal rank). Managers.
     */
    public Uni<Page<ChannelTargetView>> ranking(Caller caller, String periodCode, String channelGroupId, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER);
            Period period = Period.parse(periodCode, "period");
            UUID group = Ids.parseNullable(channelGroupId, "channelGroupId");
            long after = afterPosition(page);
            Uni<List<UUID>> members = group == null ? Uni.createFrom().nullItem()
                    : groups.get(caller, group).flatMap(g -> channels.memberIds(db.pool(), caller.tenant(), List.of(group)));
            return members.call(rollups::catchUp).flatMap(ids -> targets.ranking(caller.tenant(), period.toString(), zone, ids, after, page.fetchSize()))
                    .map(rows -> Page.of(rows, page, r -> Long.toString(r.position())).map(ChannelTargetRepository.Ranked::view));
        });
    }

    /** {@code GET /me/targets}: the calling partner's own targets (optionally one period), by period code. Partners only. */
    public Uni<Page<ChannelTargetView>> mine(Caller caller, String periodCode, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            if (caller.partnerChannelId() == null) {
                throw new ApiException(ErrorCode.FORBIDDEN, "only a partner channel has its own targets");
            }
            String period = periodCode == null || periodCode.isBlank() ? null : Period.parse(periodCode, "period").toString();
            String after = page.after();
            if (after != null) {
                Period.parse(after, "cursor");
            }
            return rollups.catchUp().flatMap(x -> targets.ofChannel(caller.tenant(), caller.partnerChannelId(), zone, period, after,
                            page.fetchSize()))
                    .map(rows -> Page.of(rows, page, ChannelTargetView::period));
        });
    }

    /**
     * The attainment of the channel's target whose period is exactly [from, to] (a year, quarter or month), or null
     * when there is none. For the scorecard; the caller has authorised.
     */
    public Uni<BigDecimal> attainment(SqlClient client, String tenant, UUID channelId, LocalDate from, LocalDate to) {
        Period period = Period.exactly(from, to);
        if (period == null) {
            return Uni.createFrom().nullItem();
        }
        return targets.one(client, tenant, channelId, zone, period.toString()).map(o -> o.map(ChannelTargetView::attainment).orElse(null));
    }

    private static long afterPosition(PageRequest page) {
        if (page.after() == null) {
            return 0;
        }
        try {
            return Long.parseLong(page.after());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("cursor", "is not a cursor this API issued");
        }
    }
}
