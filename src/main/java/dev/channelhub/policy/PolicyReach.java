package dev.channelhub.policy;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

import java.util.List;

/**
 * Proof of reach: how many targeted channels read and acknowledged the current version, and who is pending.
 * {@code version} is the policy version the counts are for, not a version of this answer (the counts change while it
 * stays), so the answer carries no ETag (ProblemResponsesFilter.NOT_VERSIONED).
 */
@Type("PolicyReach")
public record PolicyReach(
        int version,
        int targeted,
        @Description("Channels that read the current version") int read,
        @Description("Channels that acknowledged the current version") int acknowledged,
        @Description("Channels whose newest acknowledgement is of an older version") int acknowledgedOlderVersion,
        @Description("Targeted channels that have not acknowledged the current version (or, when no acknowledgement is "
                + "required, not read it)") @NonNull List<@NonNull String> pending,
        @Description("Channels a PATCH of the audience dropped: no longer targeted nor counted; their reads and "
                + "acknowledgements are kept")
        @Schema(description = "Channels a PATCH of the audience dropped: no longer targeted nor counted; their reads and "
                + "acknowledgements are kept")
        @NonNull List<@NonNull DroppedChannel> dropped) {

    /** A channel that was targeted until a PATCH of the audience, with the last version it read and acknowledged. */
    @Type("PolicyDroppedChannel")
    @Schema(description = "A channel targeted until a PATCH of the audience dropped it, with what it had read and acknowledged")
    public record DroppedChannel(
            @NonNull String channelId,
            @NonNull Instant droppedAt,
            @Description("Last version it read, if any") Integer readVersion,
            @Description("Last version it acknowledged, if any") Integer acknowledgedVersion) {
    }
}
