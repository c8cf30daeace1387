package dev.channelhub.lead;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lead state machine (API-CONTRACT §6 Leads), pure: no I/O. UNASSIGNED → NEW (routed) → ACCEPTED → CONVERTED; any open
 * lead may be LOST or reassigned by hand; a NEW lead given back (rejected, or its accept deadline passed) is routed again
 * (UNASSIGNED here; routing then assigns it NEW when a rule matches). The service locks the lead, asks this class, writes.
 */
public final class LeadLifecycle {

    public enum Action { ACCEPT, REJECT, DEADLINE_PASSED, CONVERT, LOSE, ASSIGN }

    private static final Map<Action, Map<LeadStatus, LeadStatus>> NEXT = new EnumMap<>(Action.class);

    static {
        NEXT.put(Action.ACCEPT, Map.of(LeadStatus.NEW, LeadStatus.ACCEPTED));
        NEXT.put(Action.REJECT, Map.of(LeadStatus.NEW, LeadStatus.UNASSIGNED));
        NEXT.put(Action.DEADLINE_PASSED, Map.of(LeadStatus.NEW, LeadStatus.UNASSIGNED));
        NEXT.put(Action.CONVERT, Map.of(LeadStatus.ACCEPTED, LeadStatus.CONVERTED));
        NEXT.put(Action.LOSE, Map.of(LeadStatus.UNASSIGNED, LeadStatus.LOST, LeadStatus.NEW, LeadStatus.LOST,
                LeadStatus.ACCEPTED, LeadStatus.LOST));
        NEXT.put(Action.ASSIGN, Map.of(LeadStatus.UNASSIGNED, LeadStatus.NEW, LeadStatus.NEW, LeadStatus.NEW,
                LeadStatus.ACCEPTED, LeadStatus.NEW));
    }

    private LeadLifecycle() {
    }

    /** The state {@code action} leads to from {@code from}, or empty when it is not allowed. */
    public static Optional<LeadStatus> next(LeadStatus from, Action action) {
        return Optional.ofNullable(NEXT.get(action).get(from));
    }

    /** The next state, or INVALID_TRANSITION naming the lead. */
    public static LeadStatus require(String leadId, LeadStatus from, Action action) {
        return next(from, action).orElseThrow(() -> {
            Map<LeadStatus, LeadStatus> allowed = NEXT.get(action);
            String detail = allowed.size() == 1
                    ? "lead " + leadId + " is " + from + ", not " + allowed.keySet().iterator().next()
                    : "lead " + leadId + " cannot go from " + from + " to " + allowed.values().iterator().next();
            return new ApiException(ErrorCode.INVALID_TRANSITION, detail);
        });
    }
}
