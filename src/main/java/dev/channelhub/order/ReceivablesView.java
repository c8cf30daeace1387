package dev.channelhub.order;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a channel owes: the unpaid amount of its non-cancelled orders in the channel's currency, split by age.
 * An order is due {@code paymentTermDays} after placement; CURRENT is not yet due, the other buckets are days overdue.
 */
@Type("Receivables")
public record ReceivablesView(
        @NonNull @Id String channelId,
        @NonNull String currency,
        BigDecimal creditLimit,
        @Description("creditLimit - outstanding; null when the channel has no limit") BigDecimal availableCredit,
        @NonNull BigDecimal outstanding,
        @NonNull BigDecimal overdue,
        long openOrders,
        int paymentTermDays,
        @NonNull List<@NonNull Bucket> buckets) {

    @Type("ReceivablesBucket")
    public record Bucket(@NonNull @Description("CURRENT, 1-30, 31-60, 61-90 or 90+ days overdue") String label,
                         long orders, @NonNull BigDecimal amount) {
    }
}
