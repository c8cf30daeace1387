package dev.channelhub.policy;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** A policy in a partner's inbox with the partner's own read and acknowledgement state. */
@Type("PolicyInboxItem")
public record InboxItem(
        @NonNull PolicyView policy,
        @Description("Read at the current version") boolean read,
        Instant readAt,
        @Description("Acknowledged at the current version") boolean acknowledged,
        @Description("The newest version this channel acknowledged, if any") Integer acknowledgedVersion,
        Instant acknowledgedAt) {
}
