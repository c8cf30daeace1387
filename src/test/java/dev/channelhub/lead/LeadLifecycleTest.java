package dev.channelhub.lead;

import dev.channelhub.lead.LeadLifecycle.Action;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LeadLifecycleTest {

    /** Every (state, action) pair of 5 states × 6 actions: the next state, or INVALID (INVALID_TRANSITION). */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "UNASSIGNED,ACCEPT,INVALID", "UNASSIGNED,REJECT,INVALID", "UNASSIGNED,DEADLINE_PASSED,INVALID",
            "UNASSIGNED,CONVERT,INVALID", "UNASSIGNED,LOSE,LOST", "UNASSIGNED,ASSIGN,NEW",
            "NEW,ACCEPT,ACCEPTED", "NEW,REJECT,UNASSIGNED", "NEW,DEADLINE_PASSED,UNASSIGNED",
            "NEW,CONVERT,INVALID", "NEW,LOSE,LOST", "NEW,ASSIGN,NEW",
            "ACCEPTED,ACCEPT,INVALID", "ACCEPTED,REJECT,INVALID", "ACCEPTED,DEADLINE_PASSED,INVALID",
            "ACCEPTED,CONVERT,CONVERTED", "ACCEPTED,LOSE,LOST", "ACCEPTED,ASSIGN,NEW",
            "CONVERTED,ACCEPT,INVALID", "CONVERTED,REJECT,INVALID", "CONVERTED,DEADLINE_PASSED,INVALID",
            "CONVERTED,CONVERT,INVALID", "CONVERTED,LOSE,INVALID", "CONVERTED,ASSIGN,INVALID",
            "LOST,ACCEPT,INVALID", "LOST,REJECT,INVALID", "LOST,DEADLINE_PASSED,INVALID",
            "LOST,CONVERT,INVALID", "LOST,LOSE,INVALID", "LOST,ASSIGN,INVALID"})
    void table(LeadStatus from, Action action, String expected) {
        if (expected.equals("INVALID")) {
            ApiException e = assertThrows(ApiException.class, () -> LeadLifecycle.require("l1", from, action));
            assertEquals(ErrorCode.INVALID_TRANSITION, e.code());
            assertEquals(true, LeadLifecycle.next(from, action).isEmpty());
        } else {
            assertEquals(LeadStatus.valueOf(expected), LeadLifecycle.require("l1", from, action));
        }
    }
}
