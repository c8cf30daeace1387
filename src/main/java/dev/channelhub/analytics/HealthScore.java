package dev.channelhub.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The channel health score, 0-100: the weighted mean of the components that have data, each scored 0..1,
 * minus 5 points per channel conflict (at most 25). Weights: collection 25, conversion 20, repurchase 15,
 * NPS 15 ((nps + 100) / 200), policy acknowledgement 15, cycle time 10 (1 - averageCycleHours / 336, floored at 0),
 * service SLA rate 10, CSAT 10 ((csat - 1) / 4); then minus 50 points per unit of return rate (at most 10).
 * No component with data: null.
 */
public final class HealthScore {

    static final int W_COLLECTION = 25;
    static final int W_CONVERSION = 20;
    static final int W_REPURCHASE = 15;
    static final int W_NPS = 15;
    static final int W_POLICY = 15;
    static final int W_CYCLE = 10;
    static final int W_SLA = 10;
    static final int W_CSAT = 10;
    static final BigDecimal RETURN_PENALTY_PER_RATE = new BigDecimal(50);
    static final BigDecimal MAX_RETURN_PENALTY = new BigDecimal(10);
    static final BigDecimal CYCLE_ZERO_HOURS = new BigDecimal(336);
    static final BigDecimal CONFLICT_PENALTY = new BigDecimal(5);
    static final int MAX_CONFLICTS_PENALISED = 5;

    private HealthScore() {
    }

    public static BigDecimal of(BigDecimal collectionRate, BigDecimal conversionRate, BigDecimal repurchaseRate, BigDecimal nps,
                                BigDecimal policyAckRate, BigDecimal averageCycleHours, long conflicts) {
        return of(collectionRate, conversionRate, repurchaseRate, nps, policyAckRate, averageCycleHours, conflicts, null, null, null);
    }

    public static BigDecimal of(BigDecimal collectionRate, BigDecimal conversionRate, BigDecimal repurchaseRate, BigDecimal nps,
                                BigDecimal policyAckRate, BigDecimal averageCycleHours, long conflicts, BigDecimal serviceSlaRate,
                                BigDecimal csat, BigDecimal returnRate) {
        BigDecimal sum = BigDecimal.ZERO;
        int weights = 0;
        if (serviceSlaRate != null) {
            sum = sum.add(clamp(serviceSlaRate).multiply(BigDecimal.valueOf(W_SLA)));
            weights += W_SLA;
        }
        if (csat != null) {
            sum = sum.add(clamp(csat.subtract(BigDecimal.ONE).divide(BigDecimal.valueOf(4), 10, RoundingMode.HALF_UP))
                    .multiply(BigDecimal.valueOf(W_CSAT)));
            weights += W_CSAT;
        }
        if (collectionRate != null) {
            sum = sum.add(clamp(collectionRate).multiply(BigDecimal.valueOf(W_COLLECTION)));
            weights += W_COLLECTION;
        }
        if (conversionRate != null) {
            sum = sum.add(clamp(conversionRate).multiply(BigDecimal.valueOf(W_CONVERSION)));
            weights += W_CONVERSION;
        }
        if (repurchaseRate != null) {
            sum = sum.add(clamp(repurchaseRate).multiply(BigDecimal.valueOf(W_REPURCHASE)));
            weights += W_REPURCHASE;
        }
        if (nps != null) {
            sum = sum.add(clamp(nps.add(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(200), 10, RoundingMode.HALF_UP))
                    .multiply(BigDecimal.valueOf(W_NPS)));
            weights += W_NPS;
        }
        if (policyAckRate != null) {
            sum = sum.add(clamp(policyAckRate).multiply(BigDecimal.valueOf(W_POLICY)));
            weights += W_POLICY;
        }
        if (averageCycleHours != null) {
            BigDecimal s = BigDecimal.ONE.subtract(averageCycleHours.divide(CYCLE_ZERO_HOURS, 10, RoundingMode.HALF_UP));
            sum = sum.add(clamp(s).multiply(BigDecimal.valueOf(W_CYCLE)));
            weights += W_CYCLE;
        }
        if (weights == 0) {
            return null;
        }
        BigDecimal score = sum.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(weights), 10, RoundingMode.HALF_UP)
                .subtract(CONFLICT_PENALTY.multiply(BigDecimal.valueOf(Math.min(conflicts, MAX_CONFLICTS_PENALISED))))
                .subtract(returnRate == null ? BigDecimal.ZERO : RETURN_PENALTY_PER_RATE.multiply(returnRate).min(MAX_RETURN_PENALTY));
        if (score.signum() < 0) {
            score = BigDecimal.ZERO;
        }
        return score.setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal clamp(BigDecimal v) {
        if (v.signum() < 0) {
            return BigDecimal.ZERO;
        }
        return v.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE : v;
    }
}
