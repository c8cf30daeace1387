package dev.channelhub.analytics;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RollupSpanTest {

    private static String show(RollupSpan s) {
        return s.monthsFrom() + ".." + s.monthsTo() + " +" + ranges(s.addedDays()) + " -" + ranges(s.subtractedDays());
    }

    private static String ranges(List<LocalDate[]> r) {
        return r.stream().map(x -> x[0] + "/" + x[1]).toList().toString();
    }

    private static String span(String from, String to, boolean daysOnly) {
        return show(RollupSpan.of(LocalDate.parse(from), LocalDate.parse(to), daysOnly));
    }

    @Test
    void picksMonthRowsForMonthsMostlyInsideAndDaysForTheRest() {
        // whole months only
        assertEquals("2026-03-01..2026-05-01 +[] -[]", span("2026-03-01", "2026-04-30", false));
        // two days: day rows only (the month is empty range at the end)
        assertEquals("2026-04-02..2026-04-02 +[2026-03-31/2026-04-02] -[]", span("2026-03-31", "2026-04-01", false));
        // March 5..31 is mostly March: March minus its first four days
        assertEquals("2026-03-01..2026-05-01 +[] -[2026-03-01/2026-03-05]", span("2026-03-05", "2026-04-30", false));
        // one day of March added, April minus its last day
        assertEquals("2026-04-01..2026-05-01 +[2026-03-31/2026-04-01] -[2026-04-30/2026-05-01]", span("2026-03-31", "2026-04-29", false));
        // a year from the 27th: November 2025 by days, November 2026 (26 of 30 days) by month minus 4 days
        assertEquals("2025-12-01..2026-12-01 +[2025-11-27/2025-12-01] -[2026-11-27/2026-12-01]", span("2025-11-27", "2026-11-26", false));
        // inside one month: half or less is read by day
        assertEquals("2026-02-15..2026-02-15 +[2026-02-01/2026-02-15] -[]", span("2026-02-01", "2026-02-14", false));
        assertEquals("2026-02-01..2026-03-01 +[] -[2026-02-16/2026-03-01]", span("2026-02-01", "2026-02-15", false));
        assertEquals("2026-02-01..2026-03-01 +[] -[2026-02-01/2026-02-02, 2026-02-28/2026-03-01]", span("2026-02-02", "2026-02-27", false));
        // day grouping and one channel's SKUs: days only
        assertEquals("2026-05-01..2026-05-01 +[2026-03-01/2026-05-01] -[]", span("2026-03-01", "2026-04-30", true));
    }
}
