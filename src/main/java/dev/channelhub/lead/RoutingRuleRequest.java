package dev.channelhub.lead;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.graphql.Input;

/** {@code POST/PUT /lead-routing-rules} body. */
@Input("LeadRoutingRuleInput")
public record RoutingRuleRequest(
        @NotNull @Min(-1000000) @Max(1000000) Integer priority,
        @Valid RuleMatch match,
        @NotNull @Valid RuleTarget target) {
}
