package dev.channelhub.pricing;

/** Cursor keys for entries, ordered by (sku, minQuantity); SKUs contain no spaces. */
public final class EntryPage {

    private EntryPage() {
    }

    public static String key(PriceEntry e) {
        return e.sku() + " " + e.tier();
    }
}
