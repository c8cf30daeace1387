package dev.channelhub.customer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The order side of the customer 360° view, provided by the order feature (which owns the order tables).
 * Every method is batched over customers: one statement for any number of them. Cancelled orders do not
 * count as revenue. Customers without orders are absent from the maps.
 */
public interface CustomerOrderFigures {

    Uni<Map<UUID, OrderStats>> stats(SqlClient client, String tenant, List<UUID> customerIds);

    Uni<Map<UUID, List<ChannelFigures>>> byChannel(SqlClient client, String tenant, List<UUID> customerIds);

    /** The {@code limit} newest orders per customer, newest first. */
    Uni<Map<UUID, List<RecentOrder>>> recent(SqlClient client, String tenant, List<UUID> customerIds, int limit);

    record OrderStats(long count, BigDecimal revenue, BigDecimal averageOrderValue, Instant firstOrderAt, Instant lastOrderAt,
                      String currency) {
    }

    record ChannelFigures(UUID channelId, long orderCount, BigDecimal revenue, Instant firstOrderAt, Instant lastOrderAt) {
    }

    record RecentOrder(String id, String number, String channelId, String status, String paymentStatus, BigDecimal total,
                       String currency, Instant createdAt) {
    }
}
