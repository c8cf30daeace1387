package dev.channelhub.analytics.foresight;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly revenue forecast, exact decimal arithmetic (docs/KPIS.md, "Forecast"). The method depends on how many
 * complete months there are:
 * <ul>
 *   <li>13 or more: {@link Method#SEASONAL_NAIVE_WITH_TREND}: ŷ(T+h) = y(T+h−12k) + k·d, where k = ⌈h/12⌉ and d is
 *   the mean year-over-year change y(t) − y(t−12) over the last (up to) 12 months that have a year before them. A pure
 *   linear trend and a pure 12-month season are reproduced exactly.</li>
 *   <li>2 to 12: {@link Method#DRIFT}: ŷ(T+h) = y(T) + h·(y(T) − y(1))/(n − 1) (a pure trend is reproduced).</li>
 *   <li>1: {@link Method#NAIVE}: ŷ(T+h) = y(T).</li>
 * </ul>
 * Forecasts below 0 are 0. The back-test fits the same rule on the months before the last 3 and compares its 3
 * forecasts with them: MAPE = mean |y − ŷ| ÷ |y| over those of the 3 months with y ≠ 0.
 */
public final class Forecaster {

    public enum Method { SEASONAL_NAIVE_WITH_TREND, DRIFT, NAIVE }

    static final int SEASON = 12;
    static final int BACKTEST_MONTHS = 3;
    /** 1.96: the half-width of a 95 % band under normal errors. */
    static final BigDecimal Z95 = new BigDecimal("1.96");
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final int SCALE = 10;

    private Forecaster() {
    }

    /** The method for a history of {@code n} months; null when there is none. */
    public static Method methodFor(int n) {
        return n >= SEASON + 1 ? Method.SEASONAL_NAIVE_WITH_TREND : n >= 2 ? Method.DRIFT : n == 1 ? Method.NAIVE : null;
    }

    /** Forecasts of the {@code horizon} months after {@code history} (oldest first), unrounded, at least 0. */
    public static List<BigDecimal> forecast(List<BigDecimal> history, int horizon) {
        int n = history.size();
        Method method = methodFor(n);
        List<BigDecimal> out = new ArrayList<>();
        if (method == null) {
            for (int h = 1; h <= horizon; h++) {
                out.add(BigDecimal.ZERO);
            }
            return out;
        }
        BigDecimal last = history.get(n - 1);
        BigDecimal yearlyChange = BigDecimal.ZERO;
        BigDecimal monthlyDrift = BigDecimal.ZERO;
        if (method == Method.SEASONAL_NAIVE_WITH_TREND) {
            int from = Math.max(SEASON, n - SEASON);
            BigDecimal sum = BigDecimal.ZERO;
            for (int t = from; t < n; t++) {
                sum = sum.add(history.get(t).subtract(history.get(t - SEASON)));
            }
            yearlyChange = sum.divide(BigDecimal.valueOf(n - from), SCALE, RoundingMode.HALF_UP);
        } else if (method == Method.DRIFT) {
            monthlyDrift = last.subtract(history.get(0)).divide(BigDecimal.valueOf(n - 1), SCALE, RoundingMode.HALF_UP);
        }
        for (int h = 1; h <= horizon; h++) {
            BigDecimal y = switch (method) {
                case SEASONAL_NAIVE_WITH_TREND -> {
                    int k = (h + SEASON - 1) / SEASON;
                    yield history.get(n - 1 + h - SEASON * k).add(yearlyChange.multiply(BigDecimal.valueOf(k)));
                }
                case DRIFT -> last.add(monthlyDrift.multiply(BigDecimal.valueOf(h)));
                case NAIVE -> last;
            };
            out.add(y.signum() < 0 ? BigDecimal.ZERO : y);
        }
        return out;
    }

    /** The back-test of a history: its forecasts of the last 3 months fitted on the months before them; null when too short. */
    public static Backtest backtest(List<BigDecimal> history) {
        int n = history.size();
        if (n < BACKTEST_MONTHS + 1) {
            return null;
        }
        List<BigDecimal> fit = history.subList(0, n - BACKTEST_MONTHS);
        List<BigDecimal> actual = history.subList(n - BACKTEST_MONTHS, n);
        List<BigDecimal> predicted = forecast(fit, BACKTEST_MONTHS);
        BigDecimal ape = BigDecimal.ZERO;
        int counted = 0;
        BigDecimal squares = BigDecimal.ZERO;
        for (int i = 0; i < BACKTEST_MONTHS; i++) {
            BigDecimal err = actual.get(i).subtract(predicted.get(i));
            squares = squares.add(err.multiply(err));
            if (actual.get(i).signum() != 0) {
                ape = ape.add(err.abs().divide(actual.get(i).abs(), SCALE, RoundingMode.HALF_UP));
                counted++;
            }
        }
        BigDecimal mape = counted == 0 ? null : ape.divide(BigDecimal.valueOf(counted), 4, RoundingMode.HALF_UP);
        BigDecimal rmse = squares.divide(BigDecimal.valueOf(BACKTEST_MONTHS), SCALE, RoundingMode.HALF_UP).sqrt(MC);
        return new Backtest(methodFor(fit.size()), mape, rmse);
    }

    /** Half-width of the band h months ahead: 1.96 × back-test RMSE × √h. */
    public static BigDecimal halfWidth(BigDecimal rmse, int h) {
        return Z95.multiply(rmse).multiply(BigDecimal.valueOf(h).sqrt(MC));
    }

    /** mape: fraction (4 decimals), null when the 3 months are all 0; rmse: root mean square error of the 3 months. */
    public record Backtest(Method method, BigDecimal mape, BigDecimal rmse) {
    }
}
