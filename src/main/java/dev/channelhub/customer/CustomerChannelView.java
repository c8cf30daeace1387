package dev.channelhub.customer;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;

/** A channel that has seen the customer (identify, touchpoint or order), with that channel's order figures. */
@Type("CustomerChannel")
public record CustomerChannelView(@NonNull @Id String channelId, @NonNull Instant firstSeenAt, @NonNull Instant lastSeenAt,
                                  int orderCount, @NonNull BigDecimal revenue, @NonNull String currency) {
}
