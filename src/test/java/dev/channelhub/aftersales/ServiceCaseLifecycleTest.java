package dev.channelhub.aftersales;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.channelhub.aftersales.ServiceCaseStatus.CANCELLED;
import static dev.channelhub.aftersales.ServiceCaseStatus.CLOSED;
import static dev.channelhub.aftersales.ServiceCaseStatus.IN_PROGRESS;
import static dev.channelhub.aftersales.ServiceCaseStatus.OPEN;
import static dev.channelhub.aftersales.ServiceCaseStatus.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServiceCaseLifecycleTest {

    private static final Map<ServiceCaseStatus, Set<ServiceCaseStatus>> CONTRACT = Map.of(
            OPEN, EnumSet.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(RESOLVED, CANCELLED),
            RESOLVED, EnumSet.of(CLOSED, IN_PROGRESS),
            CLOSED, EnumSet.noneOf(ServiceCaseStatus.class),
            CANCELLED, EnumSet.noneOf(ServiceCaseStatus.class));

    @Test
    void everyPairIsAllowedExactlyAsTheContractSays() {
        for (ServiceCaseStatus from : ServiceCaseStatus.values()) {
            for (ServiceCaseStatus to : ServiceCaseStatus.values()) {
                boolean allowed = CONTRACT.get(from).contains(to);
                assertEquals(allowed, ServiceCaseLifecycle.canTransition(from, to), from + " -> " + to);
                if (!allowed) {
                    ApiException e = assertThrows(ApiException.class, () -> ServiceCaseLifecycle.require("SC-1", from, to));
                    assertEquals(ErrorCode.INVALID_TRANSITION, e.code());
                }
            }
        }
    }

    @Test
    void overdueOnlyWhileActiveAfterDue() {
        Instant due = Instant.parse("2026-12-01T10:00:00Z");
        Instant before = due.minusSeconds(1);
        Instant after = due.plusSeconds(1);
        for (ServiceCaseStatus s : ServiceCaseStatus.values()) {
            boolean active = s == OPEN || s == IN_PROGRESS;
            assertEquals(active, ServiceCaseLifecycle.overdue(s, due, after), s.name());
            assertEquals(false, ServiceCaseLifecycle.overdue(s, due, before), s.name());
            assertEquals(s == RESOLVED || s == CLOSED, ServiceCaseLifecycle.canRate(s), s.name());
        }
    }
}
