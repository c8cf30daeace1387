package dev.channelhub.rebate;

import org.eclipse.microprofile.graphql.Enum;

/** How a programme cuts time: calendar months ({@code 2026-11}) or quarters ({@code 2026-Q4}), tenant time zone. */
@Enum("RebatePeriodKind")
public enum RebatePeriodKind {
    MONTH,
    QUARTER
}
