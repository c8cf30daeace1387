package dev.channelhub.lead;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;

/** Exactly one of a channel or a channel group (then the active member with the fewest open leads). */
@Type("LeadRuleTarget")
@Input("LeadRuleTargetInput")
public record RuleTarget(String channelId, String channelGroupId) {
}
