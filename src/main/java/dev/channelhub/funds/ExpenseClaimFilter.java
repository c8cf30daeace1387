package dev.channelhub.funds;

import dev.channelhub.shared.time.Period;

import java.util.UUID;

/** What a list of expense claims is narrowed to; null members do not narrow. */
public record ExpenseClaimFilter(ExpenseClaimStatus status, UUID channelId, Period period) {
}
