package dev.channelhub.pricing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.time.Instant;
import java.util.List;

/** {@code POST /prices/quote} body and GraphQL {@code QuoteInput}. */
@Input("QuoteInput")
public record QuoteRequest(
        @NotBlank String channelId,
        String customerId,
        @Size(min = 3, max = 3) @Description("ISO 4217; default: the channel's currency") String currency,
        @Description("Quote as of this time (what-if); default: now") Instant at,
        @NotNull @NotEmpty @Size(max = 500) List<@NotNull @Valid QuoteLineRequest> lines) {
}
