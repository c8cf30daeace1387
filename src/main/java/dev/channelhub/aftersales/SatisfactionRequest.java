package dev.channelhub.aftersales;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("SatisfactionInput")
@Schema(description = "The customer's satisfaction with the resolved case, 1 (poor) to 5 (excellent)")
public record SatisfactionRequest(@Min(1) @Max(5) int score, @Size(max = 2000) String comment) {
}
