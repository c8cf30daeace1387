package dev.channelhub.analytics.foresight;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.util.List;

/** Revenue forecast of the next months from the monthly rollups, with the method and its back-test error. */
@Type("RevenueForecast")
public record RevenueForecast(String channelId, @NonNull String currency, @NonNull java.time.LocalDate asOf, int historyMonths, String method,
                              BigDecimal backtestMape, @NonNull List<@NonNull ForecastMonth> months) {
}
