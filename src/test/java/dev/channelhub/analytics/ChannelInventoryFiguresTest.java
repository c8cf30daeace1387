package dev.channelhub.analytics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The pure parts of the channel-inventory report: the month split of a period and the rate. */
class ChannelInventoryFiguresTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void wholeMonthsOfAPeriod() {
        // whole months inside, edge days around them
        assertArrayEquals(new LocalDate[]{d("2026-02-01"), d("2026-04-01")}, ChannelInventoryRepository.wholeMonths(d("2026-01-15"), d("2026-04-10")));
        // a period that starts on the 1st and ends on a month's last day is whole months only
        assertArrayEquals(new LocalDate[]{d("2026-01-01"), d("2026-03-01")}, ChannelInventoryRepository.wholeMonths(d("2026-01-01"), d("2026-02-28")));
        // no whole month: the daily rows alone (both bounds the day after the period)
        assertArrayEquals(new LocalDate[]{d("2026-02-11"), d("2026-02-11")}, ChannelInventoryRepository.wholeMonths(d("2026-01-20"), d("2026-02-10")));
        assertArrayEquals(new LocalDate[]{d("2026-01-11"), d("2026-01-11")}, ChannelInventoryRepository.wholeMonths(d("2026-01-01"), d("2026-01-10")));
        // one day, the last of its month
        assertArrayEquals(new LocalDate[]{d("2026-02-01"), d("2026-02-01")}, ChannelInventoryRepository.wholeMonths(d("2026-01-31"), d("2026-01-31")));
    }

    @Test
    void sellThroughRateIsNullWithoutSellIn() {
        assertNull(ChannelInventoryService.rate(5, 0));
        assertEquals(new BigDecimal("0.5625"), ChannelInventoryService.rate(9, 16));
        assertEquals(new BigDecimal("1.5000"), ChannelInventoryService.rate(3, 2));
    }
}
