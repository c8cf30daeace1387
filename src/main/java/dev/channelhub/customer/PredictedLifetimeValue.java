package dev.channelhub.customer;

import dev.channelhub.shared.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * The predicted lifetime value of a customer (docs/KPIS.md, "Predicted lifetime value"): the value of the orders
 * expected over the next {@link #HORIZON_DAYS} days,
 * <pre>
 *   predictedLifetimeValue = averageOrderValue × HORIZON ÷ max(interval, recency)
 *   interval = (lastOrderAt − firstOrderAt) ÷ (orders − 1), at least MIN_INTERVAL days; HORIZON days with one order
 *   recency  = days from lastOrderAt to now
 * </pre>
 * i.e. a customer keeps ordering at their own pace (HORIZON ÷ interval orders) while the time since their last order
 * is within that pace; once it is longer, the expected orders fall as HORIZON ÷ recency. 0 without orders.
 */
public final class PredictedLifetimeValue {

    public static final int HORIZON_DAYS = 365;
    /** Two orders on one day do not make a customer who orders daily. */
    public static final int MIN_INTERVAL_DAYS = 30;
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    private static final int SCALE = 10;

    private PredictedLifetimeValue() {
    }

    public static BigDecimal of(long orders, BigDecimal averageOrderValue, Instant first, Instant last, Instant now, String currency) {
        if (orders <= 0 || averageOrderValue == null || first == null || last == null) {
            return Money.round(BigDecimal.ZERO, currency);
        }
        BigDecimal horizon = BigDecimal.valueOf(HORIZON_DAYS);
        BigDecimal interval = orders == 1 ? horizon
                : days(first, last).divide(BigDecimal.valueOf(orders - 1), SCALE, RoundingMode.HALF_UP).max(BigDecimal.valueOf(MIN_INTERVAL_DAYS));
        BigDecimal recency = days(last, now).max(BigDecimal.ZERO);
        BigDecimal expectedOrders = horizon.divide(interval.max(recency), SCALE, RoundingMode.HALF_UP);
        return Money.round(averageOrderValue.multiply(expectedOrders), currency);
    }

    private static BigDecimal days(Instant from, Instant to) {
        return BigDecimal.valueOf(Duration.between(from, to).getSeconds()).divide(SECONDS_PER_DAY, SCALE, RoundingMode.HALF_UP);
    }
}
