package dev.channelhub.order;

import dev.channelhub.channel.ChannelView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Applies {@link CreditRule} inside the caller's transaction: reads the channel's exposure on {@code tx} and checks the amount.
 * Callers hold the channel row's lock, so two placements cannot both pass.
 */
@ApplicationScoped
public class ChannelCredit {

    private final OrderRepository orders;

    public ChannelCredit(OrderRepository orders) {
        this.orders = orders;
    }

    /** CREDIT_LIMIT_EXCEEDED unless {@code amount} (in the channel's currency) fits in the partner channel's credit. */
    public Uni<Void> check(SqlClient tx, String tenant, ChannelView channel, BigDecimal amount, String what) {
        if (!CreditRule.applies(channel)) {
            return Uni.createFrom().voidItem();
        }
        return orders.exposure(tx, tenant, UUID.fromString(channel.id()), channel.currency())
                .invoke(e -> CreditRule.check(channel, e, amount, what))
                .replaceWithVoid();
    }
}
