package dev.channelhub.shared.time;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodTest {

    @ParameterizedTest
    @CsvSource({
            "2026,      YEAR,    2026-01-01, 2026-12-31, 2027",
            "2026-Q1,   QUARTER, 2026-01-01, 2026-03-31, 2026-Q2",
            "2026-Q4,   QUARTER, 2026-10-01, 2026-12-31, 2027-Q1",
            "2026-02,   MONTH,   2026-02-01, 2026-02-28, 2026-03",
            "2028-02,   MONTH,   2028-02-01, 2028-02-29, 2028-03",
            "2026-12,   MONTH,   2026-12-01, 2026-12-31, 2027-01"})
    void parsesTheThreeKinds(String text, Period.Kind kind, LocalDate first, LocalDate last, String next) {
        Period p = Period.parse(text, "period");
        assertEquals(kind, p.kind());
        assertEquals(first, p.firstDay());
        assertEquals(last, p.lastDay());
        assertEquals(last.plusDays(1), p.endExclusive());
        assertEquals(text, p.toString());
        assertEquals(next, p.next().toString());
        assertTrue(p.contains(first) && p.contains(last));
        assertFalse(p.contains(first.minusDays(1)) || p.contains(last.plusDays(1)));
        assertTrue(text.matches(Period.PATTERN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "26", "2026-13", "2026-00", "2026-Q0", "2026-Q5", "2026-1", "2026-q4", "2026-W01", "0000", "2026-12-01"})
    void refusesAnythingElse(String text) {
        ApiException e = assertThrows(ApiException.class, () -> Period.parse(text, "period"));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertFalse(text.matches(Period.PATTERN) && !text.equals("0000"));
    }

    @ParameterizedTest
    @CsvSource({"2026, 2026-Q1, -1", "2026-Q1, 2026-01, -1", "2026-01, 2026-02, -1", "2026-Q4, 2026-Q4, 0"})
    void ordersByStartThenLongerFirst(String a, String b, int sign) {
        assertEquals(sign, Integer.signum(Period.parse(a, "p").compareTo(Period.parse(b, "p"))));
    }
}
