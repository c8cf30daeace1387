package dev.channelhub.pricing;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelWithGroups;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every quote needs and almost never changes, kept in memory per tenant: the price list headers (scope,
 * validity, priority; not their entries), the promotions, and each channel's type, currency and groups.
 *
 * <p>Consistency does not rest on expiry or on messages between instances. Every change to these rows moves the
 * tenant's {@code pricing_epoch} forward in its own transaction (database triggers, {@code V8_0}); a snapshot is
 * labelled with the epoch read <em>before</em> its rows, so its label is never newer than its data; and every
 * quote reads the epoch in the same statement as its entries ({@link PriceListRepository#skuData}). When that
 * epoch is not the snapshot's, the quote drops the snapshot, loads a new one and reads again. So a quote prices
 * exactly as if it had read everything in its one statement, on any number of instances.
 */
@ApplicationScoped
public class PricingCache {

    /**
     * Bounds memory with many tenants: past this, the least used snapshots are dropped (Caffeine) and rebuilt on
     * demand; an idle tenant's snapshot leaves after an hour. Neither affects correctness (the epoch does that).
     */
    static final int MAX_TENANTS = 1_000;

    @Inject
    PriceListRepository lists;

    @Inject
    PromotionRepository promotions;

    @Inject
    ChannelService channels;

    private final Cache<String, Snapshot> tenants = Caffeine.newBuilder().maximumSize(MAX_TENANTS)
            .expireAfterAccess(Duration.ofHours(1)).executor(Runnable::run).build();

    /** A channel as pricing sees it. */
    record Channel(String type, String currency, List<UUID> groupIds) {
    }

    /** One tenant's pricing headers at {@code epoch}. */
    static final class Snapshot {
        final long epoch;
        final List<PriceResolver.PriceList> lists;
        final List<PriceResolver.Promotion> promotions;
        final ConcurrentHashMap<UUID, Channel> channels = new ConcurrentHashMap<>();

        Snapshot(long epoch, List<PriceResolver.PriceList> lists, List<PriceResolver.Promotion> promotions) {
            this.epoch = epoch;
            this.lists = lists;
            this.promotions = promotions;
        }
    }

    /** The tenant's snapshot, loaded with three statements when there is none. {@code client} must be one connection. */
    Uni<Snapshot> snapshot(SqlClient client, String tenant) {
        Snapshot known = tenants.getIfPresent(tenant);
        return known != null ? Uni.createFrom().item(known) : load(client, tenant);
    }

    private Uni<Snapshot> load(SqlClient client, String tenant) {
        // The epoch first: rows read after it are at least as new as the label, never older.
        return lists.epoch(client, tenant).flatMap(epoch -> Uni.combine().all()
                .unis(lists.headers(client, tenant), promotions.all(client, tenant))
                .with((headers, promos) -> {
                    Snapshot s = new Snapshot(epoch, List.copyOf(headers), List.copyOf(promos));
                    tenants.put(tenant, s);
                    return s;
                }));
    }

    /**
     * The channel from the snapshot, or read (one statement) and kept there. A channel read after the snapshot was
     * built is at least as new as its label, so the quote's epoch check covers it too.
     */
    Uni<Optional<Channel>> channel(SqlClient client, String tenant, Snapshot snapshot, UUID id) {
        Channel known = snapshot.channels.get(id);
        if (known != null) {
            return Uni.createFrom().item(Optional.of(known));
        }
        return channels.findWithGroups(client, tenant, id).map(found -> found.map(PricingCache::toChannel).map(c -> {
            snapshot.channels.put(id, c);
            return c;
        }));
    }

    /** The quote saw another epoch: this snapshot is out of date (another may already have replaced it). */
    void stale(String tenant, Snapshot seen) {
        tenants.asMap().remove(tenant, seen);
    }

    private static Channel toChannel(ChannelWithGroups cg) {
        return new Channel(cg.channel().type().name(), cg.channel().currency(), cg.groupIds());
    }
}
