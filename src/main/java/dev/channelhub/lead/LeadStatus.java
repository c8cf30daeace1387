package dev.channelhub.lead;

/** UNASSIGNED (no rule matched) → NEW (assigned, awaiting acceptance) → ACCEPTED → CONVERTED | LOST. A rejected lead is re-routed. */
public enum LeadStatus {
    UNASSIGNED, NEW, ACCEPTED, CONVERTED, LOST;

    public boolean isOpen() {
        return this == UNASSIGNED || this == NEW || this == ACCEPTED;
    }
}
