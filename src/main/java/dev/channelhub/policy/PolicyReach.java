package dev.channelhub.policy;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** Proof of reach: how many targeted channels read and acknowledged the current version, and who is pending. */
@Type("PolicyReach")
public record PolicyReach(
        int version,
        int targeted,
        @Description("Channels that read the current version") int read,
        @Description("Channels that acknowledged the current version") int acknowledged,
        @Description("Channels whose newest acknowledgement is of an older version") int acknowledgedOlderVersion,
        @Description("Targeted channels that have not acknowledged the current version (or, when no acknowledgement is "
                + "required, not read it)") @NonNull List<@NonNull String> pending) {
}
