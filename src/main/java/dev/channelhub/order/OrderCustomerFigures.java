package dev.channelhub.order;

import dev.channelhub.customer.CustomerOrderFigures;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The order side of the customer 360° view: one statement per method for any number of customers. */
@ApplicationScoped
public class OrderCustomerFigures implements CustomerOrderFigures {

    @Inject
    Db db;

    @Override
    public Uni<Map<UUID, OrderStats>> stats(SqlClient client, String tenant, List<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return db.query(client, "select customer_id, count(*) as n, sum(total) as revenue, min(created_at) as first_at,"
                        + " max(created_at) as last_at, mode() within group (order by currency) as currency from sales_order"
                        + " where tenant_id = $1 and customer_id = any($2) and status <> 'CANCELLED' group by customer_id",
                Tuple.of(tenant, customerIds.toArray(new UUID[0]))).map(rows -> {
                    Map<UUID, OrderStats> out = new HashMap<>();
                    for (Row r : rows) {
                        String cur = r.getString("currency");
                        long n = r.getLong("n");
                        BigDecimal revenue = r.getBigDecimal("revenue");
                        out.put(r.getUUID("customer_id"), new OrderStats(n, Money.round(revenue, cur),
                                Money.round(revenue.divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP), cur),
                                r.getOffsetDateTime("first_at").toInstant(), r.getOffsetDateTime("last_at").toInstant(), cur));
                    }
                    return out;
                });
    }

    @Override
    public Uni<Map<UUID, List<ChannelFigures>>> byChannel(SqlClient client, String tenant, List<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return db.query(client, "select customer_id, channel_id, count(*) as n, sum(total) as revenue, min(created_at) as first_at,"
                        + " max(created_at) as last_at, mode() within group (order by currency) as currency from sales_order"
                        + " where tenant_id = $1 and customer_id = any($2) and status <> 'CANCELLED'"
                        + " group by customer_id, channel_id order by customer_id, min(created_at)",
                Tuple.of(tenant, customerIds.toArray(new UUID[0]))).map(rows -> {
                    Map<UUID, List<ChannelFigures>> out = new HashMap<>();
                    for (Row r : rows) {
                        out.computeIfAbsent(r.getUUID("customer_id"), k -> new ArrayList<>()).add(new ChannelFigures(r.getUUID("channel_id"),
                                r.getLong("n"), Money.round(r.getBigDecimal("revenue"), r.getString("currency")),
                                r.getOffsetDateTime("first_at").toInstant(), r.getOffsetDateTime("last_at").toInstant()));
                    }
                    return out;
                });
    }

    @Override
    public Uni<Map<UUID, List<RecentOrder>>> recent(SqlClient client, String tenant, List<UUID> customerIds, int limit) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return db.query(client, "select * from (select customer_id, id, number, channel_id, status, payment_status, total, currency, created_at,"
                        + " row_number() over (partition by customer_id order by id desc) as rn from sales_order"
                        + " where tenant_id = $1 and customer_id = any($2)) x where rn <= $3 order by customer_id, id desc",
                Tuple.of(tenant, customerIds.toArray(new UUID[0]), limit)).map(rows -> {
                    Map<UUID, List<RecentOrder>> out = new HashMap<>();
                    for (Row r : rows) {
                        String cur = r.getString("currency");
                        out.computeIfAbsent(r.getUUID("customer_id"), k -> new ArrayList<>()).add(new RecentOrder(r.getUUID("id").toString(),
                                r.getString("number"), r.getUUID("channel_id").toString(), r.getString("status"), r.getString("payment_status"),
                                Money.round(r.getBigDecimal("total"), cur), cur, r.getOffsetDateTime("created_at").toInstant()));
                    }
                    return out;
                });
    }
}
