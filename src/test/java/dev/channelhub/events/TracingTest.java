package dev.channelhub.events;

import dev.channelhub.support.Api;
import dev.channelhub.support.RecordedSpans;
import dev.channelhub.support.Tokens;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tracing (issue 21; docs/SCALING.md "Tracing"): HTTP calls, GraphQL operations and their SQL statements are spans that
 * join the caller's W3C trace, and each webhook delivery is a span whose traceparent the receiver gets. The suite runs
 * with the SDK on and spans recorded in memory ({@link RecordedSpans}); nothing is exported.
 */
@QuarkusTest
class TracingTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");
    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");

    @Inject
    RecordedSpans spans;

    /** A trace the "caller" started: the server's spans must join it. */
    private static String newTrace() {
        return IdGenerator.random().generateTraceId();
    }

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-" + IdGenerator.random().generateSpanId() + "-01";
    }

    @Test
    void aRestCallIsAServerSpanOfTheCallersTraceWithItsSqlStatementsInside() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String trace = newTrace();
        Api.as(admin).header("traceparent", traceparent(trace)).get("/api/v1/channels").then().statusCode(200);

        SpanData server = spans.await("the server span of GET /api/v1/channels",
                s -> s.getTraceId().equals(trace) && s.getKind() == SpanKind.SERVER);
        assertTrue(server.getName().contains("/api/v1/channels"), server.getName());
        SpanData sql = spans.await("a SQL statement span in the same trace",
                s -> s.getTraceId().equals(trace) && s.getKind() == SpanKind.CLIENT && s.getAttributes().get(DB_SYSTEM) != null);
        assertEquals(server.getSpanContext().getTraceId(), sql.getTraceId());
        // The background loops (webhook polling every 0.1 s in the suite, hold sweeps) ran meanwhile: their statements
        // belong to no trace and are not recorded (TraceSampler).
        assertTrue(spans.all().stream().noneMatch(s -> s.getAttributes().get(DB_SYSTEM) != null && !s.getParentSpanContext().isValid()),
                "no SQL statement is a trace of its own");
    }

    @Test
    void aGraphQLOperationIsASpanOfItsOwnInsideTheHttpSpan() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String trace = newTrace();
        Api.as(admin).header("traceparent", traceparent(trace))
                .body(Map.of("query", "query TracedChannels { channels(first: 1) { edges { node { id } } } }", "operationName", "TracedChannels"))
                .post("/graphql").then().statusCode(200).body("data.channels", notNullValue());

        SpanData server = spans.await("the server span of POST /graphql", s -> s.getTraceId().equals(trace) && s.getKind() == SpanKind.SERVER);
        SpanData operation = spans.await("the GraphQL operation span",
                s -> s.getTraceId().equals(trace) && s.getName().startsWith("GraphQL"));
        assertEquals(SpanKind.INTERNAL, operation.getKind());
        assertEquals("TracedChannels", operation.getAttributes().get(AttributeKey.stringKey("graphql.operationName")), operation.toString());
        assertFalse(operation.getSpanId().equals(server.getSpanId()));
    }

    @Test
    void aWebhookDeliveryCarriesTheTraceparentOfItsRecordedSpan() throws Exception {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        try (TestReceiver receiver = new TestReceiver()) {
            Api.as(admin).body(new JsonObject().put("url", receiver.url()).put("events", List.of("channel.created"))
                    .put("secret", "test-secret-0123456789").encode()).post("/api/v1/webhooks").then().statusCode(201);
            Api.as(admin).body(Map.of("code", "T", "name", "Traced", "type", "DIRECT")).post("/api/v1/channels").then().statusCode(201);
            TestReceiver.await("a delivery", () -> !receiver.succeeded().isEmpty());

            String header = receiver.succeeded().get(0).header("traceparent");
            assertNotNull(header, "the delivery carries a traceparent");
            Matcher m = TRACEPARENT.matcher(header);
            assertTrue(m.matches(), header);
            String traceId = m.group(1);
            String spanId = m.group(2);
            assertTrue(TraceId.isValid(traceId), header);
            SpanData delivery = spans.await("the delivery span named in the header",
                    s -> s.getTraceId().equals(traceId) && s.getSpanId().equals(spanId));
            assertEquals(WebhookDispatcher.SPAN, delivery.getName());
            assertEquals(SpanKind.CLIENT, delivery.getKind());
            assertEquals(200L, delivery.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        }
    }
}
