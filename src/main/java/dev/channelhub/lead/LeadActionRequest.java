package dev.channelhub.lead;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

/** Body of accept / reject / convert / lose / assign (every field optional except where the action needs it). */
@Input("LeadActionInput")
public record LeadActionRequest(
        @Size(max = 1000) String reason,
        String orderId,
        String channelId) {
}
