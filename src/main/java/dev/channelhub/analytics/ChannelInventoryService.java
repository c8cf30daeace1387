package dev.channelhub.analytics;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.settings.TenantSettingsService;
import dev.channelhub.shared.error.ApiException;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * {@code GET /analytics/channel-inventory}: per SKU of one channel, sell-in, sell-out, reported stock, days of
 * inventory, sell-through rate and the stuffing-risk flag (tenant setting {@code stuffingThreshold}). Managers for
 * any channel; a partner for its own channel (the default when it names none; another channel is 404).
 */
@ApplicationScoped
public class ChannelInventoryService {

    static final int RATE_SCALE = 4;

    private final ChannelInventoryRepository repo;
    private final AnalyticsSettings settings;
    private final TenantSettingsService tenantSettings;
    private final ChannelService channels;
    private final Db db;

    public ChannelInventoryService(ChannelInventoryRepository repo, AnalyticsSettings settings, TenantSettingsService tenantSettings,
                                   ChannelService channels, Db db) {
        this.repo = repo;
        this.settings = settings;
        this.tenantSettings = tenantSettings;
        this.channels = channels;
        this.db = db;
    }

    public Uni<Page<ChannelInventoryRow>> inventory(Caller caller, String channelId, String from, String to, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.PARTNER);
            AnalyticsSettings.Period period = settings.period(Params.date(from, "from"), Params.date(to, "to"));
            UUID requested = Ids.parseNullable(channelId, "channelId");
            UUID channel;
            if (caller.isPartnerOnly()) {
                if (requested != null && !requested.equals(caller.partnerChannelId())) {
                    throw ApiException.notFound("channel", requested);
                }
                channel = caller.partnerChannelId();
            } else if (requested == null) {
                throw ApiException.invalid("channelId", "is required");
            } else {
                channel = requested;
            }
            String tenant = caller.tenant();
            return channels.find(db.pool(), tenant, channel)
                    .map(found -> found.orElseThrow(() -> ApiException.notFound("channel", channel)))
                    .flatMap(ch -> tenantSettings.current(db.pool(), tenant))
                    .flatMap(ts -> repo.page(db.pool(), tenant, channel, period.from(), period.to(), period.start(), period.endExclusive(),
                                    page.after(), page.fetchSize())
                            .map(rows -> Page.of(rows.stream().map(r -> row(r, period.days(), ts.stuffingThreshold())).toList(), page,
                                    ChannelInventoryRow::sku)));
        });
    }

    /** The scorecard's sellThroughRate: the channel's sell-out / sell-in over the period (null without sell-in). */
    Uni<BigDecimal> sellThroughRate(String tenant, UUID channelId, AnalyticsSettings.Period period) {
        return repo.totals(db.pool(), tenant, channelId, period.from(), period.to(), period.start(), period.endExclusive())
                .map(t -> rate(t[0], t[1]));
    }

    static ChannelInventoryRow row(Row r, long days, BigDecimal threshold) {
        long sellIn = r.getLong("sell_in");
        long sellOut = r.getLong("sell_out");
        Integer stock = r.getInteger("reported_stock");
        BigDecimal rate = rate(sellOut, sellIn);
        // Stock / (sell-out per day) = stock x days / sell-out.
        BigDecimal doi = stock == null || sellOut == 0 ? null
                : BigDecimal.valueOf(stock).multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(sellOut), 1, RoundingMode.HALF_UP);
        return new ChannelInventoryRow(r.getString("sku"), sellIn, sellOut, stock == null ? null : stock.longValue(),
                r.getLocalDate("reported_at"), doi, rate, rate != null && rate.compareTo(threshold) < 0);
    }

    static BigDecimal rate(long sellOut, long sellIn) {
        return sellIn == 0 ? null : BigDecimal.valueOf(sellOut).divide(BigDecimal.valueOf(sellIn), RATE_SCALE, RoundingMode.HALF_UP);
    }
}
