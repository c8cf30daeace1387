package dev.channelhub.analytics;

import dev.channelhub.catalog.ProductService;
import dev.channelhub.catalog.Skus;
import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.incentive.ChannelTargetService;
import dev.channelhub.lead.DealService;
import dev.channelhub.lead.LeadService;
import dev.channelhub.policy.PolicyService;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.validation.RequestValidator;
import dev.channelhub.shared.web.Params;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * HQ's read-only view: sales report (from the rollups), channel scorecard, inventory turnover and low stock.
 * Managers (and admins) see the whole tenant; a partner sees only its own channel's sales and scorecard, and
 * asking for another channel is 404.
 */
@ApplicationScoped
public class AnalyticsService {

    private static final int RATE_SCALE = 4;

    @Inject
    AnalyticsRepository repo;

    @Inject
    AnalyticsSettings settings;

    @Inject
    Db db;

    @Inject
    StockThresholdRepository thresholds;

    @Inject
    SalesCrossRepository cross;

    @Inject
    ChannelService channels;

    @Inject
    ProductService products;

    @Inject
    LeadService leads;

    @Inject
    DealService deals;

    @Inject
    PolicyService policies;

    @Inject
    RequestValidator validator;

    @Inject
    ChannelTargetService targets;

    @Inject
    @jakarta.enterprise.inject.Any
    jakarta.enterprise.inject.Instance<RebateAccrual> rebates;

    @Inject
    ChannelInventoryService sellThrough;

    @Inject
    SalesRollupFeed rollups;

    // ------------------------------------------------------------------ sales report

    public Uni<Page<SalesRow>> sales(Caller caller, String groupBy, String from, String to, String channelId, PageRequest page) {
        return sales(caller, groupBy, null, null, from, to, channelId, page);
    }

    /**
     * The sales report; {@code thenBy} (a second dimension, rows keyed by both) and {@code attribution=origin}
     * (converted leads' orders credited to the lead's source channel) read through {@link SalesCrossRepository}.
     */
    public Uni<Page<SalesRow>> sales(Caller caller, String groupBy, String thenBy, String attribution, String from, String to,
                                     String channelId, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.PARTNER);
            SalesGroupBy by = SalesGroupBy.parse(groupBy);
            SalesGroupBy then = thenBy == null || thenBy.isBlank() ? null : SalesGroupBy.parseThenBy(thenBy, by);
            boolean origin = SalesGroupBy.parseAttribution(attribution);
            AnalyticsSettings.Period period = settings.period(Params.date(from, "from"), Params.date(to, "to"));
            UUID requested = Ids.parseNullable(channelId, "channelId");
            UUID scope = requested;
            if (caller.isPartnerOnly()) {
                if (requested != null && !requested.equals(caller.partnerChannelId())) {
                    throw ApiException.notFound("channel", requested);
                }
                scope = caller.partnerChannelId();
            }
            String[] after = then != null || origin ? null : splitCursor(page.after(), "cursor");
            UUID channel = scope;
            Uni<Void> check = (requested == null ? Uni.createFrom().voidItem()
                    : channels.find(db.pool(), caller.tenant(), requested)
                    .map(found -> {
                        found.orElseThrow(() -> ApiException.notFound("channel", requested));
                        return (Void) null;
                    }))
                    .call(rollups::catchUp); // every order committed before this report is in the rollups
            if (then != null || origin) {
                String[] cell = splitCursor(page.after(), "cursor", then == null ? 2 : 3);
                return check.flatMap(x -> cross.cross(db.reads(), caller.tenant(), by, then, origin, channel, period.from(), period.to(),
                                period.start(), period.endExclusive(), settings.zoneName(), cell == null ? null : cell[0],
                                cell == null || then == null ? null : cell[1], cell == null ? null : cell[cell.length - 1], page.fetchSize()))
                        .map(rows -> Page.of(rows.stream().map(r -> crossRow(r, then != null)).toList(), page, SalesRow::cursorKey));
            }
            return check.flatMap(x -> repo.sales(db.reads(), caller.tenant(), by, channel, period.from(), period.to(),
                            after == null ? null : after[0], after == null ? null : after[1], page.fetchSize()))
                    .map(rows -> Page.of(rows.stream().map(AnalyticsService::salesRow).toList(), page, SalesRow::cursorKey));
        });
    }

    private static SalesRow salesRow(Row r) {
        String cur = r.getString("currency");
        long orders = r.getLong("orders");
        BigDecimal revenue = r.getBigDecimal("revenue");
        BigDecimal aov = orders == 0 ? null : Money.round(revenue.divide(BigDecimal.valueOf(orders), 10, RoundingMode.HALF_UP), cur);
        return new SalesRow(r.getString("key"), r.getString("label"), cur, orders, r.getLong("units"), Money.round(revenue, cur), aov);
    }

    /**
     * The whole sales report as CSV, streamed page by page ({@link PageRequest#MAX_LIMIT} rows a statement): the
     * header as soon as the first page is read (a bad parameter fails before anything is sent), then its lines.
     */
    public Multi<String> salesCsv(Caller caller, String groupBy, String thenBy, String attribution, String from, String to,
                                  String channelId) {
        boolean then = thenBy != null && !thenBy.isBlank();
        String[] cursor = new String[1];
        boolean[] headerSent = new boolean[1];
        return Multi.createBy().repeating()
                .uni(() -> sales(caller, groupBy, thenBy, attribution, from, to, channelId,
                        PageRequest.of(String.valueOf(PageRequest.MAX_LIMIT), cursor[0])).invoke(p -> cursor[0] = p.nextCursor()))
                .whilst(p -> p.nextCursor() != null)
                .onItem().transformToIterable(p -> {
                    // the header goes with the first page's lines: a refused request has sent nothing yet
                    List<String> lines = new java.util.ArrayList<>(p.items().size() + 1);
                    if (!headerSent[0]) {
                        headerSent[0] = true;
                        lines.add(SalesCsv.header(then));
                    }
                    p.items().forEach(r -> lines.add(SalesCsv.line(r, then)));
                    return lines;
                });
    }

    private static SalesRow crossRow(Row r, boolean then) {
        SalesRow row = salesRow(r);
        return then ? new SalesRow(row.key(), row.label(), row.currency(), row.orders(), row.units(), row.revenue(), row.averageOrderValue(),
                r.getString("then_key"), r.getString("then_label")) : row;
    }

    /** A cursor of {@code parts} tab-separated fields, or null when there is none. */
    private static String[] splitCursor(String after, String field, int parts) {
        if (after == null) {
            return null;
        }
        String[] out = after.split("\t", -1);
        if (out.length != parts) {
            throw ApiException.invalid(field, "is not a cursor this API issued");
        }
        return out;
    }

    // ------------------------------------------------------------------ scorecard

    public Uni<Scorecard> scorecard(Caller caller, UUID channelId, String from, String to) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.PARTNER);
            AnalyticsSettings.Period period = settings.period(Params.date(from, "from"), Params.date(to, "to"));
            if (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId())) {
                throw ApiException.notFound("channel", channelId);
            }
            String tenant = caller.tenant();
            return channels.find(db.pool(), tenant, channelId)
                    .map(found -> found.orElseThrow(() -> ApiException.notFound("channel", channelId)))
                    .call(rollups::catchUp)
                    .flatMap(ch -> repo.scorecardFigures(db.reads(), tenant, channelId, ch.currency(), period.start(), period.endExclusive())
                            .flatMap(f -> leads.conversionFigures(db.pool(), tenant, List.of(channelId), period.start(), period.endExclusive())
                                    .flatMap(conv -> policies.acknowledgementFigures(db.pool(), tenant, channelId)
                                            .flatMap(ack -> deals.conflictCount(db.pool(), tenant, channelId, period.start(), period.endExclusive())
                                                    .flatMap(conflicts -> rebateAccrued(tenant, channelId, period)
                                                            .map(rebate -> scorecard(ch, period, f, conv.get(channelId), ack, conflicts,
                                                                    Money.round(rebate, ch.currency()))))))))
                    .flatMap(card -> economics(caller, card, channelId))
                    .flatMap(card -> sellThrough.sellThroughRate(tenant, channelId, period).map(card::withSellThroughRate));
        });
    }

    /**
     * The scorecard's target attainment (the channel's target for exactly this year, quarter or month) and its
     * contribution and ROI (the profitability report's row of this channel in its currency). Partners see attainment
     * but never contribution or ROI: those would reveal the brand's costs.
     */
    private Uni<Scorecard> economics(Caller caller, Scorecard card, UUID channelId) {
        String tenant = caller.tenant();
        Uni<List<Row>> profit = caller.isPartnerOnly() ? Uni.createFrom().item(List.of())
                : repo.profitability(db.pool(), tenant, ProfitabilityGroupBy.CHANNEL, channelId, card.from(), card.to(), null, null, 10);
        return targets.attainment(db.pool(), tenant, channelId, card.from(), card.to())
                .flatMap(attainment -> profit.map(rows -> {
                    ProfitabilityRow row = rows.stream().map(AnalyticsService::profitabilityRow)
                            .filter(r -> r.currency().equals(card.currency())).findFirst().orElse(null);
                    BigDecimal contribution = caller.isPartnerOnly() ? null
                            : row == null ? Money.round(BigDecimal.ZERO, card.currency()) : row.contribution();
                    BigDecimal roi = row == null ? null : row.roi();
                    return new Scorecard(card.channelId(), card.from(), card.to(), card.currency(), card.revenue(), card.orders(),
                            card.conversionRate(), card.repurchaseRate(), card.averageCycleHours(), card.p90CycleHours(),
                            card.collectionRate(), card.receivables(), card.dso(), card.nps(), card.policyAckRate(), card.conflicts(),
                            card.returnRate(), card.serviceSlaRate(), card.csat(), card.healthScore(), attainment, contribution, roi,
                            card.rebateAccrued(), card.sellThroughRate());
                }));
    }

    // ------------------------------------------------------------------ profitability

    /**
     * {@code GET /analytics/profitability}: revenue, cost of goods, channel cost, contribution and ROI per channel,
     * channel type or region over inclusive dates, from the rollups. Managers and admins only: it shows the brand's
     * costs, which partners and sales never see.
     */
    public Uni<Page<ProfitabilityRow>> profitability(Caller caller, String groupBy, String from, String to, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER);
            ProfitabilityGroupBy by = ProfitabilityGroupBy.parse(groupBy);
            AnalyticsSettings.Period period = settings.period(Params.date(from, "from"), Params.date(to, "to"));
            String[] after = splitCursor(page.after(), "cursor");
            return rollups.catchUp().flatMap(x -> repo.profitability(db.pool(), caller.tenant(), by, null, period.from(), period.to(),
                            after == null ? null : after[0], after == null ? null : after[1], page.fetchSize()))
                    .map(rows -> Page.of(rows.stream().map(AnalyticsService::profitabilityRow).toList(), page, ProfitabilityRow::cursorKey));
        });
    }

    /** The formulas of docs/KPIS.md "Profitability". */
    static ProfitabilityRow profitabilityRow(Row r) {
        String cur = r.getString("currency");
        BigDecimal revenue = Money.round(r.getBigDecimal("revenue"), cur);
        BigDecimal cogs = Money.round(r.getBigDecimal("cost_of_goods"), cur);
        BigDecimal channelCost = Money.round(r.getBigDecimal("channel_cost"), cur);
        BigDecimal gross = revenue.subtract(cogs);
        BigDecimal contribution = gross.subtract(channelCost);
        return new ProfitabilityRow(r.getString("key"), r.getString("label"), cur, revenue, cogs, gross, ratio(gross, revenue), channelCost,
                contribution, ratio(contribution, channelCost));
    }

    private static Scorecard scorecard(ChannelView ch, AnalyticsSettings.Period period, Row f, LeadService.ConversionFigures conv,
                                       long[] ack, long conflicts, BigDecimal rebateAccrued) {
        String cur = ch.currency();
        long orders = f.getLong("orders");
        BigDecimal invoiced = f.getBigDecimal("invoiced");
        BigDecimal paid = f.getBigDecimal("paid");
        // Credit notes after returns lower what the channel owes.
        BigDecimal receivables = invoiced.subtract(paid).subtract(f.getBigDecimal("credited"));
        BigDecimal collection = ratio(paid, invoiced);
        BigDecimal conversion = conv == null ? null : ratio(BigDecimal.valueOf(conv.converted()), BigDecimal.valueOf(conv.assigned()));
        BigDecimal repurchase = ratio(BigDecimal.valueOf(f.getLong("repeat_customers")), BigDecimal.valueOf(f.getLong("customers")));
        BigDecimal avgHours = hours(f.getBigDecimal("avg_hours"));
        Double p90 = f.getDouble("p90_hours");
        BigDecimal p90Hours = p90 == null ? null : hours(new BigDecimal(p90.toString()));
        BigDecimal dso = invoiced.signum() == 0 ? null
                : receivables.multiply(BigDecimal.valueOf(period.days())).divide(invoiced, 1, RoundingMode.HALF_UP);
        long responses = f.getLong("responses");
        BigDecimal nps = responses == 0 ? null
                : BigDecimal.valueOf((f.getLong("promoters") - f.getLong("detractors")) * 100L)
                .divide(BigDecimal.valueOf(responses), 1, RoundingMode.HALF_UP);
        BigDecimal ackRate = ratio(BigDecimal.valueOf(ack[1]), BigDecimal.valueOf(ack[0]));
        BigDecimal returnRate = ratio(BigDecimal.valueOf(f.getLong("returned_units")), BigDecimal.valueOf(f.getLong("shipped_units")));
        BigDecimal slaRate = ratio(BigDecimal.valueOf(f.getLong("cases_on_time")), BigDecimal.valueOf(f.getLong("cases_resolved")));
        BigDecimal csatAvg = f.getBigDecimal("csat");
        BigDecimal csat = csatAvg == null ? null : csatAvg.setScale(2, RoundingMode.HALF_UP);
        BigDecimal health = HealthScore.of(collection, conversion, repurchase, nps, ackRate, avgHours, conflicts, slaRate, csat, returnRate);
        return new Scorecard(ch.id(), period.from(), period.to(), cur, Money.round(f.getBigDecimal("revenue"), cur), orders, conversion,
                repurchase, avgHours, p90Hours, collection, Money.round(receivables, cur), dso, nps, ackRate, conflicts, returnRate, slaRate, csat,
                health, null, null, null, rebateAccrued, null);
    }

    /** Rebates settled for periods starting in the scorecard's period; zero when no rebate feature answers. */
    private Uni<BigDecimal> rebateAccrued(String tenant, UUID channelId, AnalyticsSettings.Period period) {
        return rebates.isResolvable() ? rebates.get().accrued(db.pool(), tenant, channelId, period.from(), period.to())
                : Uni.createFrom().item(BigDecimal.ZERO);
    }

    private static BigDecimal ratio(BigDecimal num, BigDecimal den) {
        return den.signum() == 0 ? null : num.divide(den, RATE_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal hours(BigDecimal h) {
        return h == null ? null : h.setScale(2, RoundingMode.HALF_UP);
    }

    // ------------------------------------------------------------------ inventory

    public Uni<Page<InventoryTurnoverRow>> turnover(Caller caller, String from, String to, String locationCode, String sku, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER);
            AnalyticsSettings.Period period = settings.period(Params.date(from, "from"), Params.date(to, "to"));
            String[] after = splitCursor(page.after(), "cursor");
            return repo.turnover(db.reads(), caller.tenant(), period.start(), period.endExclusive(), blankToNull(locationCode), blankToNull(sku),
                            after == null ? null : after[0], after == null ? null : after[1], page.fetchSize())
                    .map(rows -> Page.of(rows.stream().map(AnalyticsService::turnoverRow).toList(), page, InventoryTurnoverRow::cursorKey));
        });
    }

    private static InventoryTurnoverRow turnoverRow(Row r) {
        long opening = r.getLong("opening");
        long closing = r.getLong("closing");
        long shipped = r.getLong("shipped");
        BigDecimal avg = BigDecimal.valueOf(opening + closing).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
        BigDecimal turnover = avg.signum() == 0 ? null : BigDecimal.valueOf(shipped).divide(avg, RATE_SCALE, RoundingMode.HALF_UP);
        BigDecimal floor = r.getBigDecimal("floor_price");
        String cur = r.getString("currency");
        BigDecimal value = floor == null ? null : Money.round(floor.multiply(BigDecimal.valueOf(closing)), cur);
        return new InventoryTurnoverRow(r.getString("location_code"), r.getString("sku"), r.getString("name"), opening, closing, avg, shipped,
                turnover, value, floor == null ? null : cur);
    }

    public Uni<Page<LowStockRow>> lowStock(Caller caller, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER);
            return repo.lowStock(db.reads(), caller.tenant(), page.after(), page.fetchSize())
                    .map(rows -> Page.of(rows.stream().map(r -> new LowStockRow(r.getString("sku"), r.getString("name"), r.getLong("threshold"),
                            r.getLong("on_hand"), r.getLong("reserved"), r.getLong("available"))).toList(), page, LowStockRow::sku));
        });
    }

    public Uni<StockThresholdView> setThreshold(Caller caller, String sku, SetThresholdRequest request, Integer expectedVersion) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER);
            validator.check(request);
            if (sku == null || sku.length() > 64 || !sku.matches(Skus.PATTERN)) {
                throw ApiException.notFound("product", sku);
            }
            String tenant = caller.tenant();
            return products.mapBySku(db.pool(), tenant, List.of(sku))
                    .map(m -> {
                        if (!m.containsKey(sku)) {
                            throw ApiException.notFound("product", sku);
                        }
                        return m;
                    })
                    .flatMap(m -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> thresholds.lockEntity(tenant, sku)
                            .flatMap(found -> found != null || expectedVersion != null ? Uni.createFrom().item(found)
                                    // The first setting of this SKU: wait for a concurrent first setting, then look again.
                                    : thresholds.lockKey(session, tenant, sku).flatMap(x -> thresholds.lockEntity(tenant, sku)))
                            .flatMap(current -> {
                                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                                if (current == null) {
                                    if (expectedVersion != null) {
                                        throw ApiException.notFound("threshold", sku);
                                    }
                                    StockThresholdEntity created = new StockThresholdEntity();
                                    created.tenantId = tenant;
                                    created.sku = sku;
                                    created.threshold = request.threshold();
                                    created.version = 1;
                                    created.updatedBy = caller.subject();
                                    created.createdAt = now;
                                    created.updatedAt = now;
                                    return session.persist(created).call(session::flush).map(x -> created.toView());
                                }
                                if (expectedVersion != null && expectedVersion != current.version) {
                                    throw ApiException.versionConflict("threshold of " + sku, expectedVersion, current.version);
                                }
                                current.threshold = request.threshold();
                                current.updatedBy = caller.subject();
                                // A new updatedAt makes the row dirty: every setting is a new version, as before.
                                current.updatedAt = now;
                                return session.flush().map(x -> current.toView());
                            }))));
        });
    }

    public Uni<StockThresholdView> threshold(Caller caller, String sku) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER);
            return repo.threshold(db.pool(), caller.tenant(), sku)
                    .map(row -> thresholdView(row.orElseThrow(() -> ApiException.notFound("threshold", sku))));
        });
    }

    private static StockThresholdView thresholdView(Row r) {
        return new StockThresholdView(r.getString("sku"), r.getLong("threshold"), r.getInteger("version"),
                r.getOffsetDateTime("updated_at").toInstant());
    }

    // ------------------------------------------------------------------ helpers

    private static String[] splitCursor(String after, String field) {
        if (after == null) {
            return null;
        }
        int tab = after.indexOf('\t');
        if (tab < 0) {
            throw ApiException.invalid(field, "is not a cursor this API issued");
        }
        return new String[]{after.substring(0, tab), after.substring(tab + 1)};
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
