package dev.channelhub.analytics.foresight;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;

/** One forecast month: the point forecast and its 95 % band (docs/KPIS.md, "Forecast"). */
@Type("ForecastMonth")
public record ForecastMonth(@NonNull String month, @NonNull BigDecimal revenue, BigDecimal low, BigDecimal high) {
}
