package dev.channelhub.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rollup rows answer an inclusive period with the fewest rows: the months that are mostly inside it come
 * from month rows [monthsFrom, monthsTo), the days outside those months from day rows (added), and the days of a
 * taken month that fall outside the period from day rows too (subtracted). An order lies in exactly one day and
 * one month, so month - days is exact.
 */
public record RollupSpan(LocalDate monthsFrom, LocalDate monthsTo, List<LocalDate[]> addedDays, List<LocalDate[]> subtractedDays) {

    public static RollupSpan of(LocalDate from, LocalDate to, boolean daysOnly) {
        LocalDate end = to.plusDays(1);
        LocalDate first = from.withDayOfMonth(1);
        LocalDate last = to.withDayOfMonth(1);
        LocalDate mf = daysOnly ? end : (taken(first, from, to) ? first : first.plusMonths(1));
        LocalDate ml = daysOnly ? end : (taken(last, from, to) ? last.plusMonths(1) : last);
        if (!mf.isBefore(ml)) {
            return new RollupSpan(end, end, List.<LocalDate[]>of(new LocalDate[]{from, end}), List.of());
        }
        List<LocalDate[]> added = new ArrayList<>();
        List<LocalDate[]> subtracted = new ArrayList<>();
        if (from.isBefore(mf)) {
            added.add(new LocalDate[]{from, mf});
        } else if (mf.isBefore(from)) {
            subtracted.add(new LocalDate[]{mf, from});
        }
        if (ml.isBefore(end)) {
            added.add(new LocalDate[]{ml, end});
        } else if (end.isBefore(ml)) {
            subtracted.add(new LocalDate[]{end, ml});
        }
        return new RollupSpan(mf, ml, added, subtracted);
    }

    /** A month is read from its month row when fewer of its days lie outside the period than inside. */
    private static boolean taken(LocalDate month, LocalDate from, LocalDate to) {
        LocalDate next = month.plusMonths(1);
        LocalDate lo = from.isAfter(month) ? from : month;
        LocalDate hi = to.plusDays(1).isBefore(next) ? to.plusDays(1) : next;
        long inside = Math.max(0, hi.toEpochDay() - lo.toEpochDay());
        long outside = (next.toEpochDay() - month.toEpochDay()) - inside;
        return outside < inside;
    }
}
