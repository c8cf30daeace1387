package dev.channelhub.pricing;

import java.util.Map;

/**
 * A quote as order placement needs it: the prices, and for each SKU whose product requires a certification the course
 * code (in line order; empty when no SKU requires one). Read by the quote's own statement.
 */
public record PricedOrder(QuoteView quote, Map<String, String> requiredCourses) {
}
