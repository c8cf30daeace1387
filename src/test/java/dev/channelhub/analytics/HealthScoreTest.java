package dev.channelhub.analytics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HealthScoreTest {

    private static BigDecimal d(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    private static String score(String collection, String conversion, String repurchase, String nps, String ack, String hours, long conflicts) {
        BigDecimal s = HealthScore.of(d(collection), d(conversion), d(repurchase), d(nps), d(ack), d(hours), conflicts);
        return s == null ? null : s.toPlainString();
    }

    @Test
    void weightedMeanOfTheComponentsWithData() {
        assertEquals("56.3", score("0.6444", "0.3333", "0.5000", "25.0", "0.5000", "30.00", 0)); // docs/KPIS.md worked example
        assertEquals("100.0", score("1", "1", "1", "100", "1", "0", 0));
        assertEquals("0.0", score("0", "0", "0", "-100", "0", "336", 0));
        assertEquals("80.0", score("0.8", null, null, null, null, null, 0)); // only collection
        assertEquals("100.0", score(null, "2.5", null, null, null, null, 0)); // conversion capped at 1
        assertEquals("0.0", score(null, null, null, null, null, "1000", 0)); // cycle floored at 0
        assertEquals("50.0", score(null, null, null, "0", null, null, 0));
        assertNull(score(null, null, null, null, null, null, 3));
    }

    /** A component below zero (a rate that went negative, an NPS below -100, a negative cycle) counts as 0 (or 1), not less. */
    @Test
    void negativeRatesAreClampedIntoZeroToOne() {
        assertEquals("44.4", score("-0.5", "1", null, null, null, null, 0));   // 20 of 45, not 7.5 of 45
        assertEquals("50.0", score(null, null, "-1", null, "1", null, 0));     // 15 of 30
        assertEquals("32.1", score(null, "-0.2", null, null, "0.75", null, 0)); // 11.25 of 35, not 7.25 of 35
        assertEquals("62.5", score("1", null, null, "-300", null, null, 0));   // NPS component 0, not -1
        assertEquals("28.6", score("0", null, null, null, null, "-10", 0));    // cycle component 1, not 1.03
    }

    @Test
    void conflictsCostFivePointsEachUpToTwentyFive() {
        assertEquals("95.0", score("1", null, null, null, null, null, 1));
        assertEquals("75.0", score("1", null, null, null, null, null, 5));
        assertEquals("75.0", score("1", null, null, null, null, null, 9));
        assertEquals("0.0", score("0.1", null, null, null, null, null, 3));
    }

    /** After-sales: SLA rate (weight 10) and CSAT ((csat - 1) / 4, weight 10) join the mean; returns cost 50 points per unit of rate, at most 10. */
    @Test
    void afterSalesComponentsAndTheReturnPenalty() {
        assertEquals("85.7", HealthScore.of(d("1"), null, null, null, null, null, 0, d("0.5"), null, null).toPlainString()); // (25 + 5) / 35
        assertEquals("75.0", HealthScore.of(null, null, null, null, null, null, 0, null, d("4"), null).toPlainString());
        assertEquals("95.0", HealthScore.of(d("1"), null, null, null, null, null, 0, null, null, d("0.1")).toPlainString());
        assertEquals("90.0", HealthScore.of(d("1"), null, null, null, null, null, 0, null, null, d("0.5")).toPlainString());
        assertEquals("100.0", HealthScore.of(d("1"), null, null, null, null, null, 0, null, null, d("0")).toPlainString());
        assertNull(HealthScore.of(null, null, null, null, null, null, 0, null, null, d("0.2")));
    }
}
