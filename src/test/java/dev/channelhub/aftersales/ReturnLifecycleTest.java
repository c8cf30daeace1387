package dev.channelhub.aftersales;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.channelhub.aftersales.ReturnStatus.APPROVED;
import static dev.channelhub.aftersales.ReturnStatus.RECEIVED;
import static dev.channelhub.aftersales.ReturnStatus.REFUNDED;
import static dev.channelhub.aftersales.ReturnStatus.REJECTED;
import static dev.channelhub.aftersales.ReturnStatus.REQUESTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The whole transition table: every pair of states, allowed exactly where the contract says. */
class ReturnLifecycleTest {

    private static final Map<ReturnStatus, Set<ReturnStatus>> CONTRACT = Map.of(
            REQUESTED, EnumSet.of(APPROVED, REJECTED),
            APPROVED, EnumSet.of(RECEIVED),
            REJECTED, EnumSet.noneOf(ReturnStatus.class),
            RECEIVED, EnumSet.of(REFUNDED),
            REFUNDED, EnumSet.noneOf(ReturnStatus.class));

    @Test
    void everyPairIsAllowedExactlyAsTheContractSays() {
        for (ReturnStatus from : ReturnStatus.values()) {
            for (ReturnStatus to : ReturnStatus.values()) {
                boolean allowed = CONTRACT.get(from).contains(to);
                assertEquals(allowed, ReturnLifecycle.canTransition(from, to), from + " -> " + to);
                if (allowed) {
                    assertEquals(to, ReturnLifecycle.require("RMA-1", from, to));
                } else {
                    ApiException e = assertThrows(ApiException.class, () -> ReturnLifecycle.require("RMA-1", from, to), from + " -> " + to);
                    assertEquals(ErrorCode.INVALID_TRANSITION, e.code());
                }
            }
        }
    }

    @Test
    void onlyRejectedReturnsFreeTheirUnits() {
        for (ReturnStatus s : ReturnStatus.values()) {
            assertEquals(s != REJECTED, ReturnLifecycle.holdsUnits(s), s.name());
        }
    }
}
