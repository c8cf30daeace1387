package dev.channelhub.inventory;

import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Told inside the transaction when a manual change (a set or an adjustment) lowers a SKU's on hand at a location,
 * so that another feature can react in the same transaction (analytics: the stock.low event when the SKU's
 * available total crosses its threshold). Reservations by orders are reported through the order hooks instead.
 */
public interface StockLowered {

    /** {@code decrease} is positive: how many units this change took off the SKU's available total. */
    Uni<Void> onLowered(SqlClient tx, Caller caller, String sku, long decrease, String locationCode, LedgerKind kind);
}
