package dev.channelhub.catalog;

import java.math.BigDecimal;

/** A price-list entry below a product's (new) floor. */
public record FloorConflict(String priceListId, String priceListCode, String sku, int minQuantity, BigDecimal price, String currency) {

    public String describe() {
        return "price list " + priceListCode + " has " + sku + " at " + price.toPlainString() + " " + currency
                + " from " + minQuantity + " units";
    }
}
