package dev.channelhub.pricing;

import dev.channelhub.catalog.ProductView;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.shared.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Builds the conflict view in memory from the channels and the candidates (pure, like the resolver). */
final class ConflictReport {

    private ConflictReport() {
    }

    static PriceConflictsView build(ProductView product, String currency, Instant at, List<ChannelView> channels,
                                    Map<UUID, Set<UUID>> groupMembers, List<PriceResolver.PriceList> lists,
                                    List<PriceResolver.Promotion> promotions) {
        BigDecimal floor = product.floorPrice() != null && product.currency().equals(currency) ? Money.round(product.floorPrice(), currency)
                : null;
        PriceResolver.Product p = new PriceResolver.Product(product.sku(), product.category(), product.active(), product.floorPrice(),
                product.currency());
        Map<String, Acc> byType = new TreeMap<>();
        Map<UUID, Acc> byGroup = new LinkedHashMap<>();
        groupMembers.keySet().forEach(g -> byGroup.put(g, new Acc()));
        for (ChannelView ch : channels) {
            UUID id = UUID.fromString(ch.id());
            Set<UUID> groups = new HashSet<>();
            groupMembers.forEach((g, members) -> {
                if (members.contains(id)) {
                    groups.add(g);
                }
            });
            PriceResolver.Context ctx = new PriceResolver.Context(id, ch.type().name(), groups, null, currency, at);
            QuoteLineView line = new PriceResolver(ctx, lists, promotions).resolve(product.sku(), 1, p).line();
            byType.computeIfAbsent(ch.type().name(), k -> new Acc()).add(ch.id(), line, floor);
            for (UUID g : groups) {
                byGroup.get(g).add(ch.id(), line, floor);
            }
        }
        List<PriceConflictsView.Segment> segments = new ArrayList<>();
        byType.forEach((type, acc) -> segments.add(acc.segment(PriceConflictsView.SegmentKind.CHANNEL_TYPE, type)));
        byGroup.forEach((group, acc) -> segments.add(acc.segment(PriceConflictsView.SegmentKind.CHANNEL_GROUP, group.toString())));
        boolean below = segments.stream().anyMatch(PriceConflictsView.Segment::belowFloor);
        return new PriceConflictsView(product.sku(), currency, floor, at, below, List.copyOf(segments));
    }

    private static final class Acc {
        int channels;
        int unpriced;
        BigDecimal min;
        BigDecimal max;
        final List<String> belowFloor = new ArrayList<>();
        final Map<String, PriceConflictsView.SegmentPrice> prices = new LinkedHashMap<>();

        void add(String channelId, QuoteLineView line, BigDecimal floor) {
            channels++;
            if (line == null) {
                unpriced++;
                return;
            }
            BigDecimal u = line.unitPrice();
            min = min == null || u.compareTo(min) < 0 ? u : min;
            max = max == null || u.compareTo(max) > 0 ? u : max;
            if (floor != null && u.compareTo(floor) < 0) {
                belowFloor.add(channelId);
            }
            String key = u.toPlainString() + "|" + line.priceListCode() + "|" + line.promotionCode();
            PriceConflictsView.SegmentPrice old = prices.get(key);
            prices.put(key, new PriceConflictsView.SegmentPrice(u, line.listPrice(), line.priceListCode(), line.promotionCode(),
                    old == null ? 1 : old.channels() + 1));
        }

        PriceConflictsView.Segment segment(PriceConflictsView.SegmentKind kind, String key) {
            List<PriceConflictsView.SegmentPrice> sorted = new ArrayList<>(prices.values());
            sorted.sort((a, b) -> a.unitPrice().compareTo(b.unitPrice()));
            return new PriceConflictsView.Segment(kind, key, channels, unpriced, min, max, !belowFloor.isEmpty(), List.copyOf(belowFloor),
                    List.copyOf(sorted));
        }
    }
}
