package dev.channelhub.analytics;

import dev.channelhub.shared.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The tenant time zone of day and month buckets ({@code channelhub.analytics.time-zone}, default Asia/Shanghai).
 * Changing it needs {@code select analytics_rebuild(tenant, zone)} for each tenant (see docs/KPIS.md).
 */
@ApplicationScoped
public class AnalyticsSettings {

    private final String timeZone;

    public AnalyticsSettings(AnalyticsConfig config) {
        this.timeZone = config.timeZone();
    }

    /** Longest period a report may cover, in days. */
    static final long MAX_DAYS = 3660;

    /** A bad zone stops the start with a clear message instead of failing every report later. */
    void validate(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start) {
        try {
            ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalStateException("channelhub.analytics.time-zone: " + timeZone + " is not a time zone id", e);
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public String zoneName() {
        return zone().getId();
    }

    /** Start of {@code day} in the tenant zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    public LocalDate today() {
        return LocalDate.now(zone());
    }

    /** A validated inclusive period; defaults: to = today, from = to - 29 days. */
    public Period period(LocalDate from, LocalDate to) {
        LocalDate end = to != null ? to : (from != null && from.isAfter(today()) ? from : today());
        LocalDate start = from != null ? from : end.minusDays(29);
        if (start.isAfter(end)) {
            throw ApiException.invalid("from", "must not be after to");
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ApiException.invalid("to", "the period may cover at most " + MAX_DAYS + " days");
        }
        return new Period(start, end, startOf(start), startOf(end.plusDays(1)));
    }

    /** Inclusive dates and the instants [start, endExclusive) they cover in the tenant zone. */
    public record Period(LocalDate from, LocalDate to, Instant start, Instant endExclusive) {

        public long days() {
            return java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        }
    }
}
