package dev.channelhub.lead;

import dev.channelhub.lead.DealLifecycle.Action;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DealLifecycleTest {

    /** Every (state, action) pair of 4 states × 5 actions: the next state, or INVALID (INVALID_TRANSITION). */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "PENDING,APPROVE,APPROVED", "PENDING,REJECT,REJECTED", "PENDING,REQUEST_EXTENSION,PENDING", "PENDING,EXTEND,PENDING",
            "PENDING,EXPIRE,EXPIRED",
            "APPROVED,APPROVE,INVALID", "APPROVED,REJECT,INVALID", "APPROVED,REQUEST_EXTENSION,APPROVED", "APPROVED,EXTEND,APPROVED",
            "APPROVED,EXPIRE,EXPIRED",
            "REJECTED,APPROVE,INVALID", "REJECTED,REJECT,INVALID", "REJECTED,REQUEST_EXTENSION,INVALID", "REJECTED,EXTEND,INVALID",
            "REJECTED,EXPIRE,INVALID",
            "EXPIRED,APPROVE,INVALID", "EXPIRED,REJECT,INVALID", "EXPIRED,REQUEST_EXTENSION,INVALID", "EXPIRED,EXTEND,INVALID",
            "EXPIRED,EXPIRE,INVALID"})
    void table(DealStatus from, Action action, String expected) {
        if (expected.equals("INVALID")) {
            ApiException e = assertThrows(ApiException.class, () -> DealLifecycle.require("d1", from, action));
            assertEquals(ErrorCode.INVALID_TRANSITION, e.code());
            assertEquals(true, DealLifecycle.next(from, action).isEmpty());
        } else {
            assertEquals(DealStatus.valueOf(expected), DealLifecycle.require("d1", from, action));
        }
    }
}
