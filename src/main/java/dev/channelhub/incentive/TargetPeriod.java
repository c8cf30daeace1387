package dev.channelhub.incentive;

import dev.channelhub.shared.error.ApiException;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target period: a year ({@code 2026}), a quarter ({@code 2026-Q4}) or a month ({@code 2026-12}), as the dates
 * [start, endExclusive) in the tenant time zone.
 */
public record TargetPeriod(String code, LocalDate start, LocalDate endExclusive) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?");

    /** Parses a period code; anything else is VALIDATION_FAILED on {@code field}. */
    public static TargetPeriod parse(String value, String field) {
        Matcher m = value == null ? null : FORMAT.matcher(value.trim());
        if (m == null || !m.matches()) {
            throw ApiException.invalid(field, "must be a year (2026), a quarter (2026-Q4) or a month (2026-12)");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2999) {
            throw ApiException.invalid(field, "year must be between 2000 and 2999");
        }
        if (m.group(2) != null) {
            LocalDate start = LocalDate.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
            return new TargetPeriod(m.group(), start, start.plusMonths(3));
        }
        if (m.group(3) != null) {
            LocalDate start = LocalDate.of(year, Integer.parseInt(m.group(3)), 1);
            return new TargetPeriod(m.group(), start, start.plusMonths(1));
        }
        LocalDate start = LocalDate.of(year, 1, 1);
        return new TargetPeriod(m.group(), start, start.plusYears(1));
    }

    /** The period whose dates are exactly [from, to] (inclusive), or null when they are no year, quarter or month. */
    public static TargetPeriod exactly(LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() != 1) {
            return null;
        }
        LocalDate end = to.plusDays(1);
        String y = String.valueOf(from.getYear());
        if (from.getMonthValue() == 1 && end.equals(from.plusYears(1))) {
            return parse(y, "period");
        }
        if ((from.getMonthValue() - 1) % 3 == 0 && end.equals(from.plusMonths(3))) {
            return parse(y + "-Q" + ((from.getMonthValue() - 1) / 3 + 1), "period");
        }
        if (end.equals(from.plusMonths(1))) {
            return parse(y + "-" + String.format("%02d", from.getMonthValue()), "period");
        }
        return null;
    }
}
