package dev.channelhub.customer;

import dev.channelhub.shared.relay.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer as REST and GraphQL show it. A merged customer keeps answering with {@code status: MERGED} and
 * {@code mergedInto}. {@code attributes} is a free JSON object (GraphQL shows it as a JSON string). A partner gets
 * the same record with what it may not see emptied ({@link CustomerProjection}).
 */
@Type("Customer")
@Description(CustomerView.PARTNER_NOTE)
@Schema(description = CustomerView.PARTNER_NOTE)
public record CustomerView(
        @NonNull @Id String id,
        @NonNull CustomerStatus status,
        @Id String mergedInto,
        @Description(NAME) @Schema(description = NAME) String name,
        @NonNull CustomerType type,
        @Description(GROUP) @Schema(description = GROUP) String group,
        @NonNull @Description(OWNED) @Schema(description = OWNED) List<@NonNull String> tags,
        @Ignore @Schema(description = OWNED) Map<String, Object> attributes,
        @Id @Description(OWN_CHANNEL) @Schema(description = OWN_CHANNEL) String originChannelId,
        @Id @Description(OWN_CHANNEL) @Schema(description = OWN_CHANNEL) String ownerChannelId,
        int version,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt) implements Node {

    static final String PARTNER_NOTE = "A customer. A partner reads only customers its channel is linked to (identify, order, "
            + "touchpoint, lead or deal through it, or owner) and sees a projection: id, status, type, name and its own channel's "
            + "identities, orders, touchpoints, leads and stats; group, other channels' data and other linked channels are empty";
    static final String NAME = "For a partner that does not own the customer: the name its own channel recorded (null when it gave none)";
    static final String GROUP = "Price segment, e.g. VIP; always null for a partner";
    static final String OWNED = "Empty for a partner unless its channel owns the customer";
    static final String OWN_CHANNEL = "For a partner: only when it is its own channel, else null";

    public java.util.UUID uuid() {
        return java.util.UUID.fromString(id);
    }
}
