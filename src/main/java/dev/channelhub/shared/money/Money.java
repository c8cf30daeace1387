package dev.channelhub.shared.money;

import dev.channelhub.shared.error.ApiException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Money is BigDecimal at the currency's scale, rounded half-up; never binary floating point. */
public final class Money {

    public static final String DEFAULT_CURRENCY = "CNY";

    private Money() {
    }

    public static int scale(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    public static BigDecimal round(BigDecimal amount, String currency) {
        return amount == null ? null : amount.setScale(scale(currency), RoundingMode.HALF_UP);
    }

    /** A valid ISO 4217 code, upper case; null means the default currency. */
    public static String currency(String code, String field) {
        if (code == null || code.isBlank()) {
            return DEFAULT_CURRENCY;
        }
        try {
            return Currency.getInstance(code.trim()).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "is not an ISO 4217 currency code");
        }
    }
}
