package dev.channelhub.lead;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.graphql.Input;

/** {@code POST /deals/check}: would registering this customer conflict? Nothing is written. */
@Input("DealCheckInput")
public record DealCheckRequest(String channelId, @NotNull @Valid CustomerRef customer) {
}
