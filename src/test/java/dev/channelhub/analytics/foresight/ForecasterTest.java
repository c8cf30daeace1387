package dev.channelhub.analytics.foresight;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The forecast maths on synthetic series whose answer is known. */
class ForecasterTest {

    private static List<BigDecimal> series(int n, IntFunction<String> y) {
        List<BigDecimal> out = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            out.add(new BigDecimal(y.apply(t)));
        }
        return out;
    }

    private static void assertSame(List<BigDecimal> expected, List<BigDecimal> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(0, expected.get(i).compareTo(actual.get(i)), "month " + i + ": " + expected.get(i) + " vs " + actual.get(i));
        }
    }

    private static final int[] SEASON = {80, 90, 120, 100, 95, 110, 130, 125, 100, 90, 140, 200};

    @Test
    void aPureTrendIsForecastExactlyByBothMethods() {
        // 1000 + 25.5 t: 30 months → seasonal naive with trend; 8 months → drift
        for (int n : new int[]{30, 8}) {
            List<BigDecimal> y = series(n + 6, t -> new BigDecimal("1000").add(new BigDecimal("25.5").multiply(BigDecimal.valueOf(t))).toPlainString());
            List<BigDecimal> history = y.subList(0, n);
            assertSame(y.subList(n, n + 6), Forecaster.forecast(history, 6));
            Forecaster.Backtest bt = Forecaster.backtest(history);
            assertEquals(0, bt.mape().signum(), "MAPE of a pure trend, n=" + n);
            assertEquals(0, bt.rmse().signum());
        }
        assertEquals(Forecaster.Method.SEASONAL_NAIVE_WITH_TREND, Forecaster.backtest(series(30, t -> "1")).method());
        assertEquals(Forecaster.Method.DRIFT, Forecaster.backtest(series(8, t -> "1")).method());
    }

    @Test
    void aPureSeasonIsForecastExactly() {
        List<BigDecimal> y = series(27 + 15, t -> String.valueOf(SEASON[t % 12]));
        List<BigDecimal> history = y.subList(0, 27);
        assertSame(y.subList(27, 42), Forecaster.forecast(history, 15));
        Forecaster.Backtest bt = Forecaster.backtest(history);
        assertEquals(Forecaster.Method.SEASONAL_NAIVE_WITH_TREND, bt.method());
        assertEquals(new BigDecimal("0.0000"), bt.mape());
    }

    @Test
    void seasonPlusTrendIsForecastExactly() {
        List<BigDecimal> y = series(40, t -> String.valueOf(SEASON[t % 12] + 7 * t));
        assertSame(y.subList(28, 40), Forecaster.forecast(y.subList(0, 28), 12));
        assertEquals(new BigDecimal("0.0000"), Forecaster.backtest(y.subList(0, 28)).mape());
    }

    @Test
    void aSeasonSeenByDriftHasAKnownError() {
        // 6 months of the season: the back-test fits drift on 80, 90, 120 (drift 20/month) and predicts 140, 160, 180
        // against 100, 95, 110: MAPE = (40/100 + 65/95 + 70/110) / 3
        Forecaster.Backtest bt = Forecaster.backtest(series(6, t -> String.valueOf(SEASON[t])));
        assertEquals(Forecaster.Method.DRIFT, bt.method());
        assertEquals(new BigDecimal("0.5735"), bt.mape());
    }

    @Test
    void shortAndEmptyHistories() {
        assertNull(Forecaster.backtest(series(3, t -> "5")));
        assertSame(series(2, t -> "0"), Forecaster.forecast(List.of(), 2));
        assertSame(series(2, t -> "7"), Forecaster.forecast(series(1, t -> "7"), 2));
        // a falling drift stops at 0
        assertSame(List.of(new BigDecimal("50"), BigDecimal.ZERO), Forecaster.forecast(series(2, t -> t == 0 ? "150" : "100"), 2));
    }
}
