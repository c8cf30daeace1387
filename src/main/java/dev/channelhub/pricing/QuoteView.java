package dev.channelhub.pricing;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.util.List;

/** {@code POST /prices/quote} answer and GraphQL {@code PriceQuote}. */
@Type("PriceQuote")
public record QuoteView(@NonNull String currency, @NonNull List<@NonNull QuoteLineView> lines, @NonNull BigDecimal total) {
}
