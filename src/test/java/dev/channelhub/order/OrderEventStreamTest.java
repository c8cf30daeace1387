package dev.channelhub.order;

import dev.channelhub.support.Api;
import dev.channelhub.support.SseClient;
import dev.channelhub.support.SseClient.Event;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.channelhub.order.OrderFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * GET /api/v1/events/stream: the GraphQL subscription orderStatusChanged as server-sent events (same source, same rules),
 * with Last-Event-ID resume, a per-tenant limit and an end when the token expires.
 */
@QuarkusTest
class OrderEventStreamTest {

    private static final String STREAM = "/api/v1/events/stream?channelId=";

    /** The next order event, skipping nothing: fails when the stream ends or stays silent. */
    private static Event event(SseClient stream) throws InterruptedException {
        Event e = stream.next(30);
        assertNotNull(e, "no event within 30 s");
        assertTrue(!e.end(), "the stream ended");
        return e;
    }

    @Test
    void aPartnerStreamsItsOwnChannelsOrderEventsAndResumesAfterTheLastEventId() throws Exception {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10.00")).stock("A", 10);
        String dealer = f.activePartner("D1", null);
        String partner = Tokens.partner(f.tenant, dealer);
        String first;
        String lastId;
        try (SseClient stream = SseClient.open(partner, STREAM + dealer)) {
            assertEquals(200, stream.status, stream.body);
            assertTrue(stream.contentType.startsWith("text/event-stream"), stream.contentType);
            f.placed(order(f.online, "A", 1)); // another channel's order: not on this stream
            first = f.placed(order(dealer, "A", 2));
            Event placed = event(stream);
            assertEquals("order.placed", placed.name());
            JsonPath data = JsonPath.from(placed.data());
            assertEquals(first, data.getString("orderId"));
            assertEquals(dealer, data.getString("channelId"));
            assertEquals("SUBMITTED", data.getString("status"));
            assertEquals("UNPAID", data.getString("paymentStatus"));
            assertEquals("order.placed", data.getString("type"));
            assertTrue(placed.id().matches("\\d+"), "the id is the event's sequence number: " + placed.id());
            lastId = placed.id();
        }
        // While nobody listens: two more events of this channel, one of another.
        Api.as(f.sales).post("/api/v1/orders/" + first + "/confirm").then().statusCode(200);
        f.placed(order(f.online, "A", 1));
        Api.as(f.sales).body(Map.of("reason", "changed mind")).post("/api/v1/orders/" + first + "/cancel").then().statusCode(200);

        try (SseClient resumed = SseClient.open(partner, STREAM + dealer, "Last-Event-ID", lastId)) {
            assertEquals(200, resumed.status, resumed.body);
            Event confirmed = event(resumed);
            Event cancelled = event(resumed);
            assertEquals(List.of("order.confirmed", "order.cancelled"), List.of(confirmed.name(), cancelled.name()));
            assertTrue(Long.parseLong(confirmed.id()) > Long.parseLong(lastId));
            assertTrue(Long.parseLong(cancelled.id()) > Long.parseLong(confirmed.id()));
            assertEquals("CANCELLED", JsonPath.from(cancelled.data()).getString("status"));
            // Then live again, without a gap.
            String next = f.placed(order(dealer, "A", 1));
            Event live = event(resumed);
            assertEquals(next, JsonPath.from(live.data()).getString("orderId"));
        }

        // Resume points that are not this stream's events.
        for (String bad : List.of("not-a-number", "999999999999")) {
            SseClient refused = SseClient.open(partner, STREAM + dealer, "Last-Event-ID", bad);
            assertEquals(400, refused.status, refused.body);
            assertEquals("VALIDATION_FAILED", JsonPath.from(refused.body).getString("code"));
            assertEquals("Last-Event-ID", JsonPath.from(refused.body).getString("errors[0].field"));
        }
    }

    @Test
    void theSameRulesAsTheSubscription() {
        OrderFixture f = OrderFixture.create();
        String dealer = f.activePartner("D1", null);
        String other = f.activePartner("D2", null);
        // A partner: its own channel only; another is 404, as for orderStatusChanged.
        assertProblem(SseClient.open(Tokens.partner(f.tenant, other), STREAM + dealer), 404, "NOT_FOUND");
        // Staff of another tenant: 404; no token: 401; no known role: 403; no channel: 400.
        assertProblem(SseClient.open(Tokens.token(Tokens.newTenant(), "sales"), STREAM + dealer), 404, "NOT_FOUND");
        assertEquals(401, SseClient.open(null, STREAM + dealer).status);
        assertProblem(SseClient.open(Tokens.token(f.tenant, "nobody"), STREAM + dealer), 403, "FORBIDDEN");
        assertProblem(SseClient.open(f.sales, "/api/v1/events/stream"), 400, "VALIDATION_FAILED");
        assertProblem(SseClient.open(f.sales, STREAM + "not-an-id"), 400, "VALIDATION_FAILED");
        // Staff roles that read orders: any channel of their tenant.
        for (String role : List.of("admin", "manager", "sales", "integration")) {
            try (SseClient ok = SseClient.open(Tokens.token(f.tenant, role), STREAM + dealer)) {
                assertEquals(200, ok.status, role + ": " + ok.body);
            }
        }
    }

    @Test
    void atMostFourStreamsPerTenantInTests() throws Exception {
        OrderFixture f = OrderFixture.create();
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                SseClient s = SseClient.open(f.sales, STREAM + f.online);
                assertEquals(200, s.status, s.body);
                open.add(s);
            }
            assertProblem(SseClient.open(f.admin, STREAM + f.online), 422, "LIMIT_EXCEEDED");
            // Another tenant is not affected.
            OrderFixture g = OrderFixture.create();
            try (SseClient s = SseClient.open(g.sales, STREAM + g.online)) {
                assertEquals(200, s.status, s.body);
            }
            // Closing one frees its place (the server notices the closed connection).
            open.remove(0).close();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (true) {
                SseClient s = SseClient.open(f.sales, STREAM + f.online);
                if (s.status == 200) {
                    open.add(s);
                    break;
                }
                assertEquals(422, s.status, s.body);
                if (System.nanoTime() > deadline) {
                    fail("a closed stream was never released");
                }
                Thread.sleep(100);
            }
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void theStreamEndsWhenTheTokenExpires() throws Exception {
        OrderFixture f = OrderFixture.create();
        String dealer = f.activePartner("D1", null);
        try (SseClient stream = SseClient.open(Tokens.partner(f.tenant, dealer, 3), STREAM + dealer)) {
            assertEquals(200, stream.status, stream.body);
            Event expired = event(stream);
            assertEquals("token-expired", expired.name());
            assertEquals("UNAUTHENTICATED", JsonPath.from(expired.data()).getString("code"));
            Event end = stream.next(30);
            assertNotNull(end);
            assertTrue(end.end(), "the stream ends after token-expired");
        }
    }

    private static void assertProblem(SseClient answer, int status, String code) {
        assertEquals(status, answer.status, answer.body);
        assertTrue(answer.contentType.startsWith("application/problem+json"), answer.contentType);
        assertEquals(code, JsonPath.from(answer.body).getString("code"));
    }
}
