package dev.channelhub.shared.time;

import dev.channelhub.shared.error.ApiException;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period of the contract (API-CONTRACT-2 §8): a year {@code 2026}, a quarter {@code 2026-Q4} or a month
 * {@code 2026-12}. Targets, market-fund budgets, expense claims and rebate settlements are keyed by its canonical text
 * ({@link #toString()}); its days are {@link #firstDay()} to {@link #lastDay()} inclusive, in the tenant's time zone
 * wherever instants are involved (the caller converts).
 */
public record Period(Kind kind, int year, int number) implements Comparable<Period> {

    public enum Kind {
        YEAR, QUARTER, MONTH
    }

    /** What a period looks like in a path, a query or a body. */
    public static final String PATTERN = "\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?";

    private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");

    public Period {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year " + year);
        }
        int max = switch (kind) {
            case YEAR -> 0;
            case QUARTER -> 4;
            case MONTH -> 12;
        };
        if (kind == Kind.YEAR ? number != 0 : number < 1 || number > max) {
            throw new IllegalArgumentException(kind + " " + number);
        }
    }

    /** {@code 2026}, {@code 2026-Q4} or {@code 2026-12}; anything else is 400 VALIDATION_FAILED on {@code field}. */
    public static Period parse(String text, String field) {
        Matcher m = text == null ? null : TEXT.matcher(text.strip());
        if (m == null || !m.matches() || Integer.parseInt(m.group(1)) < 1) {
            throw ApiException.invalid(field, "must be a year (2026), a quarter (2026-Q4) or a month (2026-12)");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2999) {
            throw ApiException.invalid(field, "year must be between 2000 and 2999");
        }
        if (m.group(2) != null) {
            return new Period(Kind.QUARTER, year, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            return new Period(Kind.MONTH, year, Integer.parseInt(m.group(3)));
        }
        return new Period(Kind.YEAR, year, 0);
    }

    /** The period of {@code kind} that contains {@code day}. */
    public static Period of(Kind kind, LocalDate day) {
        return switch (kind) {
            case YEAR -> new Period(Kind.YEAR, day.getYear(), 0);
            case QUARTER -> new Period(Kind.QUARTER, day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
            case MONTH -> new Period(Kind.MONTH, day.getYear(), day.getMonthValue());
        };
    }

    /** The year, quarter or month whose days are exactly [from, to] (inclusive); null when they are none of those. */
    public static Period exactly(LocalDate from, LocalDate to) {
        for (Kind kind : Kind.values()) {
            Period p = of(kind, from);
            if (p.firstDay().equals(from) && p.lastDay().equals(to)) {
                return p;
            }
        }
        return null;
    }

    /** Null for null or blank (an optional filter), else {@link #parse}. */
    public static Period parseNullable(String text, String field) {
        return text == null || text.isBlank() ? null : parse(text, field);
    }

    public LocalDate firstDay() {
        return switch (kind) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case QUARTER -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
            case MONTH -> LocalDate.of(year, number, 1);
        };
    }

    /** The first day after the period. */
    public LocalDate endExclusive() {
        return switch (kind) {
            case YEAR -> firstDay().plusYears(1);
            case QUARTER -> firstDay().plusMonths(3);
            case MONTH -> firstDay().plusMonths(1);
        };
    }

    public LocalDate lastDay() {
        return endExclusive().minusDays(1);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && day.isBefore(endExclusive());
    }

    /** The period of the same kind that follows this one (2026-12 → 2027-01, 2026-Q4 → 2027-Q1, 2026 → 2027). */
    public Period next() {
        return switch (kind) {
            case YEAR -> new Period(Kind.YEAR, year + 1, 0);
            case QUARTER -> number == 4 ? new Period(Kind.QUARTER, year + 1, 1) : new Period(Kind.QUARTER, year, number + 1);
            case MONTH -> number == 12 ? new Period(Kind.MONTH, year + 1, 1) : new Period(Kind.MONTH, year, number + 1);
        };
    }

    /** Ordered by first day, then the longer period first. */
    @Override
    public int compareTo(Period o) {
        int c = firstDay().compareTo(o.firstDay());
        return c != 0 ? c : o.endExclusive().compareTo(endExclusive());
    }

    /** The canonical text: {@code 2026}, {@code 2026-Q4}, {@code 2026-12}. */
    @Override
    public String toString() {
        return switch (kind) {
            case YEAR -> String.format("%04d", year);
            case QUARTER -> String.format("%04d-Q%d", year, number);
            case MONTH -> String.format("%04d-%02d", year, number);
        };
    }
}
