package dev.channelhub.inventory;

/** Why a stock row changed; every change writes one ledger row of one of these kinds. */
public enum LedgerKind {
    SET, ADJUST, RESERVE, RELEASE, SHIP,
    /** Returned units put back on hand (after-sales, disposition RESTOCK). */
    RETURN
}
