package dev.channelhub.analytics.foresight;

import dev.channelhub.shared.time.Period;
import dev.channelhub.analytics.AnalyticsSettings;
import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.web.Params;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Growth, churn and forecast (API-CONTRACT-2 §10, formulas in docs/KPIS.md "Foresight"). Managers and admins see
 * the tenant or one channel; a partner sees only its own channel (another channel is 404), as in the sales report.
 */
@ApplicationScoped
public class ForesightService {

    static final int RATE_SCALE = 4;
    static final int DEFAULT_INACTIVE_DAYS = 180;
    static final int MAX_INACTIVE_DAYS = 1830;
    static final int MAX_FORECAST_MONTHS = 12;
    static final int HISTORY_MONTHS = 36;

    /** The sales rollups (growth, forecast) are kept from the outbox: caught up before each read. */
    @Inject
    dev.channelhub.shared.persistence.DerivedReads rollups;

    @Inject
    ForesightRepository repo;

    @Inject
    AnalyticsSettings settings;

    @Inject
    ChannelService channels;

    @Inject
    Db db;

    /** The channel the caller may read: the requested one (checked), a partner's own, or null for the tenant. */
    private Uni<Optional<ChannelView>> scope(Caller caller, String channelId) {
        UUID requested = Ids.parseNullable(channelId, "channelId");
        UUID scope = requested;
        if (caller.isPartnerOnly()) {
            if (requested != null && !requested.equals(caller.partnerChannelId())) {
                throw ApiException.notFound("channel", requested);
            }
            scope = caller.partnerChannelId();
        }
        if (scope == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        UUID id = scope;
        return channels.find(db.pool(), caller.tenant(), id)
                .map(found -> Optional.of(found.orElseThrow(() -> ApiException.notFound("channel", id))));
    }

    // ------------------------------------------------------------------ growth

    public Uni<Page<GrowthRow>> growth(Caller caller, String groupBy, String period, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.PARTNER);
            boolean byChannel = parseGrowthGroupBy(groupBy);
            LocalDate[] p = parsePeriod(period);
            long months = ChronoUnit.MONTHS.between(p[0], p[1]);
            LocalDate previous = p[0].minusMonths(months);
            String[] after = splitCursor(page.after());
            boolean partner = caller.isPartnerOnly();
            return scope(caller, null).call(rollups::catchUp).flatMap(ch -> repo.growth(db.pool(), caller.tenant(), byChannel, previous, p[0], p[1],
                            ch.map(v -> UUID.fromString(v.id())).orElse(null), after == null ? null : after[0], after == null ? null : after[1],
                            page.fetchSize()))
                    .map(rows -> Page.of(rows.stream().map(r -> growthRow(r, partner)).toList(), page, GrowthRow::cursorKey));
        });
    }

    private static GrowthRow growthRow(Row r, boolean partner) {
        String cur = r.getString("currency");
        BigDecimal revenue = r.getBigDecimal("revenue");
        BigDecimal previous = r.getBigDecimal("previous");
        BigDecimal total = r.getBigDecimal("total");
        BigDecimal growth = previous.signum() == 0 ? null
                : revenue.subtract(previous).divide(previous, RATE_SCALE, RoundingMode.HALF_UP);
        // A partner's share of the tenant's revenue would reveal the other channels' total: not shown.
        BigDecimal share = partner || total.signum() == 0 ? null : revenue.divide(total, RATE_SCALE, RoundingMode.HALF_UP);
        return new GrowthRow(r.getString("key"), r.getString("label"), cur, Money.round(revenue, cur), Money.round(previous, cur), growth, share);
    }

    static boolean parseGrowthGroupBy(String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            throw ApiException.invalid("groupBy", "is required: one of channel, channelType");
        }
        return switch (groupBy.trim()) {
            case "channel", "CHANNEL" -> true;
            case "channelType", "CHANNEL_TYPE" -> false;
            default -> throw ApiException.invalid("groupBy", "must be one of channel, channelType");
        };
    }

    /** A month (2026-11), a quarter (2026-Q4) or a year (2026) as [first day, first day after); null means the current month. */
    LocalDate[] parsePeriod(String period) {
        if (period == null || period.isBlank()) {
            LocalDate first = settings.today().withDayOfMonth(1);
            return new LocalDate[]{first, first.plusMonths(1)};
        }
        Period p = Period.parse(period, "period");
        return new LocalDate[]{p.firstDay(), p.endExclusive()};
    }

    // ------------------------------------------------------------------ churn

    public Uni<ChurnReport> churn(Caller caller, String channelId, String asOf, Integer inactiveDays, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.PARTNER);
            int days = inactiveDays == null ? DEFAULT_INACTIVE_DAYS : inactiveDays;
            if (days < 1 || days > MAX_INACTIVE_DAYS) {
                throw ApiException.invalid("inactiveDays", "must be between 1 and " + MAX_INACTIVE_DAYS);
            }
            LocalDate date = Optional.ofNullable(Params.date(asOf, "asOf")).orElseGet(settings::today);
            AtRiskCursor after = AtRiskCursor.parse(page.after());
            LocalDate next = date.plusDays(1);
            Instant end = settings.startOf(next);
            Instant activeStart = settings.startOf(next.minusDays(days));
            Instant previousStart = settings.startOf(next.minusDays(2L * days));
            // at risk: last order at least ⌈0.75 × days⌉ days before asOf (and, being active, fewer than days)
            long riskDays = (days * 3L + 3) / 4;
            Instant riskEnd = settings.startOf(next.minusDays(riskDays));
            String tenant = caller.tenant();
            return scope(caller, channelId).flatMap(ch -> {
                UUID channel = ch.map(v -> UUID.fromString(v.id())).orElse(null);
                return repo.churnFigures(db.pool(), tenant, channel, previousStart, activeStart, end)
                        .flatMap(f -> repo.atRisk(db.pool(), tenant, channel, activeStart, riskEnd, end,
                                        after == null ? null : after.last(), after == null ? null : after.customer(), page.fetchSize())
                                .map(rows -> {
                                    List<AtRiskCustomer> list = rows.stream().map(r -> atRisk(r, date)).toList();
                                    long active = f.getLong("active");
                                    long churned = f.getLong("churned");
                                    long before = f.getLong("previous");
                                    BigDecimal rate = before == 0 ? null
                                            : BigDecimal.valueOf(churned).divide(BigDecimal.valueOf(before), RATE_SCALE, RoundingMode.HALF_UP);
                                    return new ChurnReport(channel == null ? null : channel.toString(), date, days, active, churned, rate,
                                            Page.of(list, page, AtRiskCustomer::cursorKey));
                                }));
            });
        });
    }

    private AtRiskCustomer atRisk(Row r, LocalDate asOf) {
        Instant last = r.getOffsetDateTime("last_at").toInstant();
        long since = ChronoUnit.DAYS.between(last.atZone(settings.zone()).toLocalDate(), asOf);
        return new AtRiskCustomer(r.getUUID("customer_id").toString(), r.getString("name"), last, since, r.getLong("orders"));
    }

    record AtRiskCursor(Instant last, UUID customer) {
        static AtRiskCursor parse(String after) {
            if (after == null) {
                return null;
            }
            String[] parts = splitCursor(after);
            try {
                return new AtRiskCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw ApiException.invalid("cursor", "is not a cursor this API issued");
            }
        }
    }

    // ------------------------------------------------------------------ forecast

    public Uni<RevenueForecast> forecast(Caller caller, String channelId, Integer months, String asOf) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.PARTNER);
            int horizon = months == null ? 3 : months;
            if (horizon < 1 || horizon > MAX_FORECAST_MONTHS) {
                throw ApiException.invalid("months", "must be between 1 and " + MAX_FORECAST_MONTHS);
            }
            LocalDate date = Optional.ofNullable(Params.date(asOf, "asOf")).orElseGet(settings::today);
            LocalDate current = date.withDayOfMonth(1);
            LocalDate from = current.minusMonths(HISTORY_MONTHS);
            return scope(caller, channelId).call(rollups::catchUp).flatMap(ch -> {
                String currency = ch.map(ChannelView::currency).orElse(Money.DEFAULT_CURRENCY);
                UUID channel = ch.map(v -> UUID.fromString(v.id())).orElse(null);
                return repo.monthlyRevenue(db.pool(), caller.tenant(), from, current, currency, channel)
                        .map(rows -> forecast(channel, currency, date, current, from, horizon, rows));
            });
        });
    }

    private static RevenueForecast forecast(UUID channel, String currency, LocalDate asOf, LocalDate current, LocalDate from, int horizon,
                                            List<Row> rows) {
        Map<LocalDate, BigDecimal> byMonth = new HashMap<>();
        LocalDate first = null;
        for (Row r : rows) {
            BigDecimal revenue = r.getBigDecimal("revenue");
            LocalDate month = r.getLocalDate("period");
            byMonth.put(month, revenue);
            if (first == null && revenue.signum() != 0) {
                first = month;
            }
        }
        List<BigDecimal> history = new ArrayList<>();
        for (LocalDate m = first == null ? current : first; m.isBefore(current); m = m.plusMonths(1)) {
            history.add(byMonth.getOrDefault(m, BigDecimal.ZERO));
        }
        Forecaster.Method method = Forecaster.methodFor(history.size());
        Forecaster.Backtest backtest = Forecaster.backtest(history);
        List<BigDecimal> points = Forecaster.forecast(history, horizon);
        List<ForecastMonth> out = new ArrayList<>();
        for (int h = 1; h <= horizon; h++) {
            BigDecimal y = points.get(h - 1);
            BigDecimal low = null;
            BigDecimal high = null;
            if (backtest != null) {
                BigDecimal w = Forecaster.halfWidth(backtest.rmse(), h);
                low = Money.round(y.subtract(w).max(BigDecimal.ZERO), currency);
                high = Money.round(y.add(w), currency);
            }
            out.add(new ForecastMonth(YearMonth.from(current.plusMonths(h - 1)).toString(), Money.round(y, currency), low, high));
        }
        return new RevenueForecast(channel == null ? null : channel.toString(), currency, asOf, history.size(),
                method == null ? null : method.name(), backtest == null ? null : backtest.mape(), out);
    }

    // ------------------------------------------------------------------ helpers

    static String[] splitCursor(String after) {
        if (after == null) {
            return null;
        }
        int tab = after.indexOf('\t');
        if (tab < 0) {
            throw ApiException.invalid("cursor", "is not a cursor this API issued");
        }
        return new String[]{after.substring(0, tab), after.substring(tab + 1)};
    }
}
