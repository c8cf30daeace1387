package dev.channelhub.catalog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the catalogue needs from pricing when a product's floor goes up: the price-list entries that would be below it.
 * Catalog states it, pricing implements it ({@code pricing/PriceListService}), so catalog never imports pricing.
 */
public interface PriceFloorCheck {

    /** Entries of lists in {@code currency} that price {@code sku} below {@code floor}, read on {@code client} (the caller's transaction). */
    Uni<List<FloorConflict>> entriesBelow(SqlClient client, String tenant, String sku, String currency, BigDecimal floor);
}
