package dev.channelhub.inventory;

/** A quantity of a SKU to reserve or ship (what orders and holds hand to the stock service). */
public record StockLine(String sku, long quantity) {
}
