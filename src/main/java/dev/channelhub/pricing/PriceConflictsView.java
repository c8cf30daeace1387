package dev.channelhub.pricing;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * HQ's "no price wars" view of one SKU: the resolved unit price (1 unit, no customer group) for every active
 * channel, summarised per channel type and per channel group that a price list or promotion targets, with the
 * segments and channels below the floor flagged.
 */
@Type("PriceConflicts")
public record PriceConflictsView(
        @NonNull String sku,
        @NonNull String currency,
        BigDecimal floorPrice,
        @NonNull Instant at,
        boolean belowFloor,
        @NonNull List<@NonNull Segment> segments) {

    public enum SegmentKind {
        CHANNEL_TYPE, CHANNEL_GROUP
    }

    @Type("PriceSegment")
    public record Segment(
            @NonNull SegmentKind kind,
            @NonNull String key,
            int channels,
            int unpriced,
            BigDecimal minUnitPrice,
            BigDecimal maxUnitPrice,
            boolean belowFloor,
            @NonNull List<@NonNull String> belowFloorChannelIds,
            @NonNull List<@NonNull SegmentPrice> prices) {
    }

    /** One distinct outcome within a segment and how many of its channels get it. */
    @Type("PriceSegmentPrice")
    public record SegmentPrice(@NonNull BigDecimal unitPrice, @NonNull BigDecimal listPrice, @NonNull String priceListCode,
                               String promotionCode, int channels) {
    }
}
