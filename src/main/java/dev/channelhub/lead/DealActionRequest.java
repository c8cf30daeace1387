package dev.channelhub.lead;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

/** Body of approve / reject / extension actions. */
@Input("DealActionInput")
public record DealActionRequest(@Size(max = 1000) String reason, @Min(1) @Max(365) Integer days) {
}
