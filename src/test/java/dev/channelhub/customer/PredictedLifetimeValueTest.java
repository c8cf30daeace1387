package dev.channelhub.customer;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The model of docs/KPIS.md, "Predicted lifetime value", with hand-computed figures. */
class PredictedLifetimeValueTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static String pltv(long orders, String aov, int firstDay, int lastDay, int nowDay) {
        return PredictedLifetimeValue.of(orders, new BigDecimal(aov), T0.plus(firstDay, ChronoUnit.DAYS), T0.plus(lastDay, ChronoUnit.DAYS),
                T0.plus(nowDay, ChronoUnit.DAYS), "CNY").toPlainString();
    }

    @Test
    void aRegularCustomerKeepsTheirPace() {
        // 3 orders over 60 days: every 30 days; 10 days since the last: 365 ÷ 30 orders of 100
        assertEquals("1216.67", pltv(3, "100.00", 0, 60, 70));
        // 5 orders over 100 days: every 25 days, at least 30
        assertEquals("1216.67", pltv(5, "100.00", 0, 100, 100));
        // 3 orders over 146 days: every 73 days → 5 orders a year
        assertEquals("500.00", pltv(3, "100.00", 0, 146, 150));
    }

    @Test
    void recencyBeyondThePaceLowersTheExpectation() {
        // every 30 days, but 73 days since the last: 365 ÷ 73 = 5 orders
        assertEquals("500.00", pltv(3, "100.00", 0, 60, 133));
        // one order, two years ago: 365 ÷ 730 = 0.5 orders
        assertEquals("50.00", pltv(1, "100.00", 0, 0, 730));
        // one order, recent: one a year
        assertEquals("80.00", pltv(1, "80.00", 0, 0, 3));
    }

    @Test
    void noOrdersNoValue() {
        assertEquals("0.00", PredictedLifetimeValue.of(0, BigDecimal.ZERO, null, null, T0, "CNY").toPlainString());
    }
}
