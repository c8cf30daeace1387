package dev.channelhub.order;

import dev.channelhub.channel.ChannelView;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.money.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * The credit rule (API-CONTRACT §4, API-CONTRACT-2 §6), pure: no I/O. A channel with a credit limit orders only in its own
 * currency; for a partner channel receivables + active hold values + the new amount must stay within the limit, and
 * amounts open in another currency block it (they cannot be measured against the limit without a rate).
 * {@link ChannelCredit} reads the exposure under the channel row's lock and asks this class.
 */
public final class CreditRule {

    private CreditRule() {
    }

    /** 400 on {@code currency} when a channel with a credit limit is asked for another currency; checked before credit. */
    public static void requireOwnCurrency(ChannelView channel, String currency) {
        if (channel.creditLimit() != null && currency != null && !currency.equals(channel.currency())) {
            throw ApiException.invalid("currency", "channel " + channel.code() + " has a credit limit and orders only in its own currency "
                    + channel.currency());
        }
    }

    /** Only partner channels with a limit are checked. */
    public static boolean applies(ChannelView channel) {
        return channel.type().isPartner() && channel.creditLimit() != null;
    }

    /** CREDIT_LIMIT_EXCEEDED unless {@code amount} (in the channel's currency) fits next to the exposure. */
    public static void check(ChannelView channel, CreditExposure e, BigDecimal amount, String what) {
        if (!applies(channel)) {
            return;
        }
        String cur = channel.currency();
        if (e.otherCurrencies() != null) {
            throw new ApiException(ErrorCode.CREDIT_LIMIT_EXCEEDED, "channel " + channel.code() + " has open amounts in "
                    + e.otherCurrencies() + " that cannot be measured against its credit limit in " + cur + "; settle them first");
        }
        BigDecimal after = e.due().add(e.held()).add(amount);
        if (after.compareTo(channel.creditLimit()) > 0) {
            throw new ApiException(ErrorCode.CREDIT_LIMIT_EXCEEDED, "receivables " + Money.round(e.due(), cur) + " + active holds "
                    + Money.round(e.held(), cur) + " + " + what + " " + Money.round(amount, cur) + " exceed the credit limit "
                    + Money.round(channel.creditLimit(), cur) + " " + cur);
        }
    }

    /** The credit still available: none without a limit, zero while other currencies are open, else limit − outstanding − held. */
    public static BigDecimal available(BigDecimal limit, BigDecimal outstanding, BigDecimal held, List<String> otherCurrencies) {
        if (limit == null) {
            return null;
        }
        return otherCurrencies.isEmpty() ? limit.subtract(outstanding).subtract(held) : BigDecimal.ZERO;
    }
}
