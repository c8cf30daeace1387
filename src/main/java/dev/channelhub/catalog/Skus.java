package dev.channelhub.catalog;

/** What a SKU may look like: no spaces, so it is safe in paths, cursors and CSV files. */
public final class Skus {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]*";
    public static final String MESSAGE = "letters, digits, '.', '_', ':' and '-' only";

    private Skus() {
    }
}
