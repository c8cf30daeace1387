package dev.channelhub.order;

import java.math.BigDecimal;

/** A channel's credit exposure: unpaid orders and active hold values in its currency, and any other currency in use. */
public record CreditExposure(BigDecimal due, BigDecimal held, String otherCurrencies) {
}
