package dev.channelhub.aftersales;

/** What happens to received units: back into stock at the receiving location, or written off. */
public enum Disposition {
    RESTOCK, SCRAP
}
