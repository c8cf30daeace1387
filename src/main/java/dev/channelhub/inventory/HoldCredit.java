package dev.channelhub.inventory;

import dev.channelhub.channel.ChannelView;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a partner channel's hold is worth, and whether the channel's credit allows it (API-CONTRACT-2 §6). Inventory
 * states the need; the order feature, which owns credit and prices orders, implements it. Called inside the hold's
 * transaction with the channel row locked, so concurrent holds and orders of the channel see each other.
 */
public interface HoldCredit {

    Uni<HoldValue> valueAndCheck(SqlClient tx, Caller caller, ChannelView channel, List<StockLine> lines);

    /** The hold's value at the quote at hold time, in the channel's currency. */
    record HoldValue(BigDecimal amount, String currency) {
    }
}
