package dev.channelhub.sellthrough;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A channel's stock snapshot of one date, as stored after the PUT (lines in SKU order). */
@Type("StockReport")
public record StockReportView(
        @NonNull String channelId,
        @NonNull LocalDate date,
        @NonNull List<@NonNull StockReportLine> lines,
        @NonNull Instant reportedAt) {
}
