package dev.channelhub.customer;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer as REST and GraphQL show it. A merged customer keeps answering with {@code status: MERGED} and
 * {@code mergedInto}. {@code attributes} is a free JSON object (GraphQL shows it as a JSON string).
 */
@Type("Customer")
public record CustomerView(
        @NonNull @Id String id,
        @NonNull CustomerStatus status,
        @Id String mergedInto,
        String name,
        @NonNull CustomerType type,
        String group,
        @NonNull List<@NonNull String> tags,
        @Ignore Map<String, Object> attributes,
        @Id String originChannelId,
        @Id String ownerChannelId,
        int version,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt) {

    public java.util.UUID uuid() {
        return java.util.UUID.fromString(id);
    }
}
