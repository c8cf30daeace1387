package dev.channelhub.inventory;

/** Why a stock row changed; every change writes one ledger row of one of these kinds. */
public enum LedgerKind {
    SET, ADJUST, RESERVE, RELEASE, SHIP
}
