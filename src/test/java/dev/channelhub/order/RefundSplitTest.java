package dev.channelhub.order;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Refund vs credit note (API-CONTRACT-2 §7) as a table. */
class RefundSplitTest {

    @ParameterizedTest(name = "total {0} paid {1} refunded {2} credited {3}, return {4} -> refund {5} credit {6}, {7}, outstanding {8}")
    @CsvSource({
            // total, paid, refunded, credited, amount, refund, credit, status after, outstanding after
            "300, 300, 0, 0, 200, 200, 0, PAID, 0",
            "300, 100, 0, 0, 200, 100, 100, UNPAID, 100",
            "300, 0, 0, 0, 200, 0, 200, UNPAID, 100",
            "300, 0, 0, 0, 300, 0, 300, PAID, 0",
            "300, 300, 0, 0, 300, 300, 0, PAID, 0",
            "300, 150, 0, 0, 100, 100, 0, PARTIALLY_PAID, 150",
            "300, 300, 200, 0, 100, 100, 0, PAID, 0",
            "300, 100, 100, 100, 100, 0, 100, PAID, 0",
            "300, 250, 0, 0, 100, 100, 0, PARTIALLY_PAID, 50",
    })
    void splitsAndMeasuresTheOrderAfterwards(String total, String paid, String refunded, String credited, String amount,
                                            String refund, String credit, PaymentStatus status, String outstanding) {
        BigDecimal t = new BigDecimal(total);
        BigDecimal p = new BigDecimal(paid);
        BigDecimal r = new BigDecimal(refunded);
        BigDecimal c = new BigDecimal(credited);
        RefundSplit split = RefundSplit.of(new BigDecimal(amount), t, p, r, c);
        assertEquals(0, new BigDecimal(refund).compareTo(split.refund()), "refund");
        assertEquals(0, new BigDecimal(credit).compareTo(split.credit()), "credit");
        assertEquals(status, split.paymentStatusAfter(t, p, r, c));
        assertEquals(0, new BigDecimal(outstanding).compareTo(RefundSplit.outstanding(t, p, r.add(split.refund()), c.add(split.credit()))),
                "outstanding");
    }

    @ParameterizedTest
    @CsvSource({
            "300, 300, 0, 0, 300.01",
            "300, 100, 0, 100, 200.01",
            "300, 300, 300, 0, 0.01",
    })
    void moreThanPaidPlusOutstandingIsRefused(String total, String paid, String refunded, String credited, String amount) {
        ApiException e = assertThrows(ApiException.class, () -> RefundSplit.of(new BigDecimal(amount), new BigDecimal(total),
                new BigDecimal(paid), new BigDecimal(refunded), new BigDecimal(credited)));
        assertEquals(ErrorCode.REFUND_EXCEEDS_PAID, e.code());
    }
}
