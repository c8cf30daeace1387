package dev.channelhub.catalog;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the catalogue needs from pricing when a product's floor goes up: the price-list entries that would be below it.
 * Catalog states it, pricing implements it ({@code pricing/PriceListService}), so catalog never imports pricing.
 */
public interface PriceFloorCheck {

    /**
     * Entries of lists in {@code currency} that price {@code sku} below {@code floor}, read on {@code session} (the product
     * update's Hibernate Reactive transaction, which holds the product row's lock): one statement.
     */
    Uni<List<FloorConflict>> entriesBelow(Mutiny.Session session, String tenant, String sku, String currency, BigDecimal floor);
}
