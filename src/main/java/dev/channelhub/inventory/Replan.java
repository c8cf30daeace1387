package dev.channelhub.inventory;

/**
 * A planned reservation ({@link StockAllocator#RESERVE_PLANNED}) could not serve every line on the rows it locked: the
 * caller rolls its transaction back and runs it again with every candidate row locked ({@link StockAllocator#RESERVE_ALL}).
 */
public final class Replan extends RuntimeException {
    public Replan() {
        super("stock moved since the reservation was planned", null, false, false);
    }
}
