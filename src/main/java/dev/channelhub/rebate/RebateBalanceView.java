package dev.channelhub.rebate;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;

@Type("RebateBalance")
public record RebateBalanceView(
        @NonNull @Id String channelId,
        @NonNull String currency,
        @NonNull BigDecimal balance) {
}
