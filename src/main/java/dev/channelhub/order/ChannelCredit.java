package dev.channelhub.order;

import dev.channelhub.channel.ChannelView;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.money.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A channel's credit (API-CONTRACT §4, API-CONTRACT-2 §6): a channel with a credit limit orders only in its own
 * currency, and for a partner channel receivables (unpaid, non-cancelled orders) + the value of its active holds + the
 * new amount must stay within the limit. Callers hold the channel row's lock, so two placements cannot both pass.
 */
@ApplicationScoped
public class ChannelCredit {

    private final OrderRepository orders;

    public ChannelCredit(OrderRepository orders) {
        this.orders = orders;
    }

    /** 400 on {@code currency} when a channel with a credit limit is asked for another currency; checked before credit. */
    public static void requireOwnCurrency(ChannelView channel, String currency) {
        if (channel.creditLimit() != null && currency != null && !currency.equals(channel.currency())) {
            throw ApiException.invalid("currency", "channel " + channel.code() + " has a credit limit and orders only in its own currency "
                    + channel.currency());
        }
    }

    /** CREDIT_LIMIT_EXCEEDED unless {@code amount} (in the channel's currency) fits in the partner channel's credit. */
    public Uni<Void> check(SqlClient tx, String tenant, ChannelView channel, BigDecimal amount, String what) {
        if (!channel.type().isPartner() || channel.creditLimit() == null) {
            return Uni.createFrom().voidItem();
        }
        String cur = channel.currency();
        return orders.exposure(tx, tenant, UUID.fromString(channel.id()), cur).map(e -> {
            // Amounts open in another currency (from before the currency rule, or a changed channel currency) cannot be
            // measured against the limit without a rate: refuse rather than ignore them.
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
            return null;
        });
    }
}
