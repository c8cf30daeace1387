package dev.channelhub.analytics.foresight;

import dev.channelhub.shared.paging.Page;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Churn as of a date over a window of inactiveDays, with a page of at-risk customers (docs/KPIS.md, "Churn"). */
public record ChurnReport(String channelId, LocalDate asOf, int inactiveDays, long activeCustomers, long churnedCustomers,
                          BigDecimal churnRate, Page<AtRiskCustomer> atRisk) {
}
