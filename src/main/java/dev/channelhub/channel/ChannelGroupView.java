package dev.channelhub.channel;

import dev.channelhub.shared.relay.Node;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A channel group; {@code memberIds} are the static members only (the members are these ∪ rule matches).
 * A partner sees the groups of its channels only as {@link #partnerProjection() id, code and name}: who else is in
 * a group, and by which rule, is the brand's business.
 */
@Type("ChannelGroup")
@Schema(description = "A channel group. Partners see only id, code and name (the other fields are absent).")
public record ChannelGroupView(
        @NonNull @Id String id,
        @NonNull String code,
        @NonNull String name,
        @Description("Static members; the group's members are these plus every channel the rule matches. Null for partners")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<@NonNull String> memberIds,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Description("Null when the group has no rule, and for partners")
        GroupRule rule,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Description("Null for partners")
        Integer version,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Description("Null for partners")
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Description("Null for partners")
        Instant updatedAt) implements Node {

    /** What a partner may know of a group its channel belongs to: no members, no rule. */
    public ChannelGroupView partnerProjection() {
        return new ChannelGroupView(id, code, name, null, null, null, null, null);
    }
}
