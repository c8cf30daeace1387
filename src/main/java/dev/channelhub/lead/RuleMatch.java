package dev.channelhub.lead;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.util.List;

/** What a routing rule matches: every field that is set must match (any value within a list). */
@Type("LeadRuleMatch")
@Input("LeadRuleMatchInput")
public record RuleMatch(
        @Size(max = 200) List<String> regions,
        @Size(max = 200) List<String> categories,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal minValue) {
}
