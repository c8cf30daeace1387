package dev.channelhub.rebate;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.util.List;

@Type("MyRebates")
public record MyRebatesView(
        @NonNull @Id String channelId,
        @NonNull String currency,
        @NonNull BigDecimal balance,
        @NonNull List<@NonNull RebateLedgerEntryView> ledger,
        @NonNull List<@NonNull ProgramPreview> previews) {

    /** A programme the partner's channel is in, with its row for the programme's current period (what it would earn so far). */
    @Type("MyRebateProgramPreview")
    public record ProgramPreview(
            @NonNull @Id String programId,
            @NonNull String code,
            @NonNull String name,
            @NonNull String period,
            boolean settled,
            @NonNull RebatePreviewRow row) {
    }
}
