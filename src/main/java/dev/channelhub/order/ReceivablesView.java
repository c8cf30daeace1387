package dev.channelhub.order;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a channel owes: the unpaid amount of its non-cancelled orders in the channel's currency, split by age, and the value
 * of its active holds.
 * An order is due {@code paymentTermDays} after placement; CURRENT is not yet due, the other buckets are days overdue.
 */
@Type("Receivables")
public record ReceivablesView(
        @NonNull @Id String channelId,
        @NonNull String currency,
        BigDecimal creditLimit,
        @Description("creditLimit - outstanding - onHold; 0 while amounts are open in another currency; null when the channel has no limit")
        @Schema(description = "creditLimit - outstanding - onHold; 0 while amounts are open in another currency; null without a limit")
        BigDecimal availableCredit,
        @NonNull BigDecimal outstanding,
        @NonNull BigDecimal overdue,
        long openOrders,
        int paymentTermDays,
        @NonNull List<@NonNull Bucket> buckets,
        @NonNull @Description("Value of the channel's active stock holds (at the quote at hold time); counts toward credit")
        @Schema(description = "Value of the channel's active stock holds (at the quote at hold time); counts toward credit")
        BigDecimal onHold,
        @NonNull @Description("Other currencies with open orders or holds: they block new credit until settled")
        @Schema(description = "Other currencies with open orders or holds: they block new credit until settled")
        List<@NonNull String> otherCurrencies) {

    @Type("ReceivablesBucket")
    public record Bucket(@NonNull @Description("CURRENT, 1-30, 31-60, 61-90 or 90+ days overdue") String label,
                         long orders, @NonNull BigDecimal amount) {
    }
}
