package dev.channelhub.sellthrough;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.time.LocalDate;

/** What one sell-out report recorded (its lines are ledger rows, summed into the channel-inventory report). */
@Type("SellOutReport")
public record SellOutReportView(
        @NonNull String id,
        @NonNull String channelId,
        int lines,
        long units,
        @NonNull LocalDate firstDate,
        @NonNull LocalDate lastDate,
        @NonNull Instant reportedAt) {
}
