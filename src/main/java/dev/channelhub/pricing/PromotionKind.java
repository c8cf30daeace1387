package dev.channelhub.pricing;

/** {@code PERCENT_OFF} 10 means 10 % off the list price; {@code AMOUNT_OFF} takes an amount off; {@code FIXED_PRICE} sets it. */
public enum PromotionKind {
    PERCENT_OFF, AMOUNT_OFF, FIXED_PRICE
}
