package dev.channelhub.order;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.error.FieldError;

import java.math.BigDecimal;
import java.util.List;

/**
 * How returned goods are paid back (API-CONTRACT-2 §7). Pure: up to what was paid and not yet refunded it is a
 * refund; the rest is a credit note, which may not exceed what is still outstanding ({@code REFUND_EXCEEDS_PAID}).
 * The order afterwards: {@code netTotal = total - refunded - credited}, {@code paymentStatus} compares
 * {@code paid - refunded} with {@code netTotal}, {@code outstanding = netTotal - (paid - refunded)}.
 */
public record RefundSplit(BigDecimal refund, BigDecimal credit) {

    public static RefundSplit of(BigDecimal amount, BigDecimal total, BigDecimal paid, BigDecimal refunded, BigDecimal credited) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("negative refund " + amount);
        }
        BigDecimal refundable = paid.subtract(refunded).max(BigDecimal.ZERO);
        BigDecimal outstanding = outstanding(total, paid, refunded, credited);
        if (amount.compareTo(refundable.add(outstanding)) > 0) {
            throw new ApiException(ErrorCode.REFUND_EXCEEDS_PAID, "refund " + amount.toPlainString() + " is more than paid ("
                    + refundable.toPlainString() + " not yet refunded) plus outstanding (" + outstanding.toPlainString() + ")",
                    List.of(new FieldError("amount", "at most " + refundable.add(outstanding).toPlainString())));
        }
        BigDecimal refund = amount.min(refundable);
        return new RefundSplit(refund, amount.subtract(refund));
    }

    public static BigDecimal netTotal(BigDecimal total, BigDecimal refunded, BigDecimal credited) {
        return total.subtract(refunded).subtract(credited);
    }

    public static BigDecimal outstanding(BigDecimal total, BigDecimal paid, BigDecimal refunded, BigDecimal credited) {
        return netTotal(total, refunded, credited).subtract(paid.subtract(refunded));
    }

    /** The payment status after this split was applied to an order with these figures. */
    public PaymentStatus paymentStatusAfter(BigDecimal total, BigDecimal paid, BigDecimal refunded, BigDecimal credited) {
        BigDecimal newRefunded = refunded.add(refund);
        return OrderLifecycle.paymentStatus(netTotal(total, newRefunded, credited.add(credit)), paid.subtract(newRefunded));
    }
}
