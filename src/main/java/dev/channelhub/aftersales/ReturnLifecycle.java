package dev.channelhub.aftersales;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The return state machine (API-CONTRACT-2 §7): REQUESTED → APPROVED | REJECTED, APPROVED → RECEIVED,
 * RECEIVED → REFUNDED; anything else is {@code INVALID_TRANSITION}. Pure: the service locks the row and asks.
 */
public final class ReturnLifecycle {

    private static final Map<ReturnStatus, Set<ReturnStatus>> ALLOWED = Map.of(
            ReturnStatus.REQUESTED, EnumSet.of(ReturnStatus.APPROVED, ReturnStatus.REJECTED),
            ReturnStatus.APPROVED, EnumSet.of(ReturnStatus.RECEIVED),
            ReturnStatus.REJECTED, EnumSet.noneOf(ReturnStatus.class),
            ReturnStatus.RECEIVED, EnumSet.of(ReturnStatus.REFUNDED),
            ReturnStatus.REFUNDED, EnumSet.noneOf(ReturnStatus.class));

    private ReturnLifecycle() {
    }

    public static boolean canTransition(ReturnStatus from, ReturnStatus to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** {@code to}, or INVALID_TRANSITION naming the return and both states. */
    public static ReturnStatus require(String number, ReturnStatus from, ReturnStatus to) {
        if (!canTransition(from, to)) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "return " + number + " is " + from + " and cannot become " + to);
        }
        return to;
    }

    /** Units of a return count against the shipped quantity unless it was rejected. */
    public static boolean holdsUnits(ReturnStatus status) {
        return status != ReturnStatus.REJECTED;
    }
}
