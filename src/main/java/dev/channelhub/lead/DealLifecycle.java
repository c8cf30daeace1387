package dev.channelhub.lead;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The deal registration state machine (API-CONTRACT-2 deal registration), pure: no I/O. A manager decides a PENDING
 * registration (APPROVED or REJECTED); a PENDING or APPROVED one protects its customer, may have its protection extended
 * (the state stays), and becomes EXPIRED when the protection ends. REJECTED and EXPIRED are final.
 */
public final class DealLifecycle {

    public enum Action { APPROVE, REJECT, REQUEST_EXTENSION, EXTEND, EXPIRE }

    private static final Map<Action, Map<DealStatus, DealStatus>> NEXT = new EnumMap<>(Action.class);

    static {
        NEXT.put(Action.APPROVE, Map.of(DealStatus.PENDING, DealStatus.APPROVED));
        NEXT.put(Action.REJECT, Map.of(DealStatus.PENDING, DealStatus.REJECTED));
        NEXT.put(Action.REQUEST_EXTENSION, Map.of(DealStatus.PENDING, DealStatus.PENDING, DealStatus.APPROVED, DealStatus.APPROVED));
        NEXT.put(Action.EXTEND, Map.of(DealStatus.PENDING, DealStatus.PENDING, DealStatus.APPROVED, DealStatus.APPROVED));
        NEXT.put(Action.EXPIRE, Map.of(DealStatus.PENDING, DealStatus.EXPIRED, DealStatus.APPROVED, DealStatus.EXPIRED));
    }

    private DealLifecycle() {
    }

    /** The state {@code action} leads to from {@code from}, or empty when it is not allowed. */
    public static Optional<DealStatus> next(DealStatus from, Action action) {
        return Optional.ofNullable(NEXT.get(action).get(from));
    }

    /** The next state, or INVALID_TRANSITION naming the deal. */
    public static DealStatus require(String dealId, DealStatus from, Action action) {
        return next(from, action).orElseThrow(() -> new ApiException(ErrorCode.INVALID_TRANSITION,
                NEXT.get(action).size() == 1 ? "deal " + dealId + " is " + from + ", not PENDING" : "deal " + dealId + " is " + from));
    }
}
