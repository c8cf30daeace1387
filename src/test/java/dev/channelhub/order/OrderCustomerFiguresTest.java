package dev.channelhub.order;

import dev.channelhub.customer.CustomerLinked;
import dev.channelhub.customer.CustomerOrderFigures;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.AsRequest;
import dev.channelhub.support.SqlCounter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.channelhub.order.OrderFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class OrderCustomerFiguresTest {

    @Inject
    OrderCustomerFigures figures;

    @Inject
    OrderCustomerLink link;

    @Inject
    Db db;

    private String orderFor(OrderFixture f, String channel, String email, int qty) {
        Map<String, Object> body = new java.util.HashMap<>(order(channel, "A", qty));
        body.put("customer", Map.of("identities", List.of(Map.of("kind", "EMAIL", "value", email))));
        return f.place(f.sales, body).then().statusCode(201).extract().path("customerId");
    }

    @Test
    void figuresAreBatchedAndIgnoreCancelledOrders() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10")).stock("A", 100);
        String dealer = f.activePartner("D", null);
        UUID c1 = UUID.fromString(orderFor(f, f.online, "one@example.com", 1));
        orderFor(f, dealer, "one@example.com", 2);
        UUID c2 = UUID.fromString(orderFor(f, f.online, "two@example.com", 5));
        String cancelled = Api.as(f.sales).get("/api/v1/orders?customerId=" + c2).then().extract().path("items[0].id");
        Api.as(f.sales).body(Map.of("reason", "x")).post("/api/v1/orders/" + cancelled + "/cancel").then().statusCode(200);
        UUID none = UUID.randomUUID();
        List<UUID> ids = List.of(c1, c2, none);

        long before = SqlCounter.current();
        Map<UUID, CustomerOrderFigures.OrderStats> stats = AsRequest.await(() -> figures.stats(db.pool(), f.tenant, ids));
        Map<UUID, List<CustomerOrderFigures.ChannelFigures>> channels = AsRequest.await(() -> figures.byChannel(db.pool(), f.tenant, ids));
        Map<UUID, List<CustomerOrderFigures.RecentOrder>> recent = AsRequest.await(() -> figures.recent(db.pool(), f.tenant, ids, 10));
        assertEquals(3, SqlCounter.current() - before);

        assertEquals(2, stats.get(c1).count());
        assertEquals(new BigDecimal("30.00"), stats.get(c1).revenue());
        assertEquals(new BigDecimal("15.00"), stats.get(c1).averageOrderValue());
        assertFalse(stats.containsKey(c2));
        assertFalse(stats.containsKey(none));
        assertEquals(2, channels.get(c1).size());
        assertEquals(UUID.fromString(f.online), channels.get(c1).get(0).channelId());
        assertEquals(2, recent.get(c1).size());
        assertEquals(dealer, recent.get(c1).get(0).channelId());
        assertEquals("CANCELLED", recent.get(c2).get(0).status());
    }

    @Test
    void mergeMovesOrdersAndUnmergeGivesBackExactlyTheSourcesOwn() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10")).stock("A", 100);
        UUID a = UUID.fromString(orderFor(f, f.online, "a@example.com", 1));
        UUID b = UUID.fromString(orderFor(f, f.online, "b@example.com", 1));
        UUID c = UUID.fromString(orderFor(f, f.online, "c@example.com", 1));
        orderFor(f, f.online, "b@example.com", 1);
        db.inTransaction(tx -> link.merge(tx, f.tenant, List.of(b), c)).await().indefinitely();
        db.inTransaction(tx -> link.merge(tx, f.tenant, List.of(c), a)).await().indefinitely();
        Api.as(f.sales).get("/api/v1/orders?customerId=" + a).then().body("items.size()", org.hamcrest.Matchers.equalTo(4));
        db.inTransaction(tx -> link.unmerge(tx, f.tenant, c, a)).await().indefinitely();
        Api.as(f.sales).get("/api/v1/orders?customerId=" + c).then().body("items.size()", org.hamcrest.Matchers.equalTo(1));
        Api.as(f.sales).get("/api/v1/orders?customerId=" + a).then().body("items.size()", org.hamcrest.Matchers.equalTo(3));
        db.inTransaction(tx -> link.unmerge(tx, f.tenant, b, a)).await().indefinitely();
        Api.as(f.sales).get("/api/v1/orders?customerId=" + b).then().body("items.size()", org.hamcrest.Matchers.equalTo(2));
        Api.as(f.sales).get("/api/v1/orders?customerId=" + a).then().body("items.size()", org.hamcrest.Matchers.equalTo(1));
        assertEquals(CustomerLinked.class.isAssignableFrom(OrderCustomerLink.class), true);
    }
}
