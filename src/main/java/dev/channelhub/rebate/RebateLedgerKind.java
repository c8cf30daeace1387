package dev.channelhub.rebate;

import org.eclipse.microprofile.graphql.Enum;

/** SETTLEMENT: a programme's rebate for a period (negative = claw-back); DRAW: a REBATE payment (negative). */
@Enum("RebateLedgerKind")
public enum RebateLedgerKind {
    SETTLEMENT,
    DRAW
}
