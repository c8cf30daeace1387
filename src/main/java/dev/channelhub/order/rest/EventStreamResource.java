package dev.channelhub.order.rest;

import dev.channelhub.order.OrderEventsService;
import dev.channelhub.order.OrderEventsService.SequencedChange;
import dev.channelhub.order.OrderStatusChange;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Live order events as server-sent events, for clients that cannot run a webhook receiver: the same source, rules and
 * partner projection as the GraphQL subscription {@code orderStatusChanged} ({@link OrderEventsService}). Each event's
 * id is its outbox sequence number, so a reconnecting client's {@code Last-Event-ID} resumes right after it.
 */
@Path("/api/v1/events")
@Authenticated
@Tag(name = ApiTags.ORDERS, description = ApiTags.ORDERS_TEXT)
public class EventStreamResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    /** Open streams per tenant, across every connection of this instance. */
    private static final Map<String, AtomicInteger> OPEN = new ConcurrentHashMap<>();

    @Inject
    OrderEventsService service;

    @Inject
    CurrentCaller caller;

    @ConfigProperty(name = "channelhub.events.max-streams-per-tenant", defaultValue = "100")
    int maxPerTenant;

    @ConfigProperty(name = "channelhub.events.heartbeat", defaultValue = "PT20S")
    Duration heartbeat;

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @APIResponse(responseCode = "200", description = "A text/event-stream: one event per order event "
            + "(`id:` its sequence number, `event:` its type such as order.shipped, `data:` an OrderStatusChange), a comment "
            + "as heartbeat, and a last `event: token-expired` before the stream ends when the token expires",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = OrderStatusChange.class)))
    @Operation(operationId = "streamOrderStatusChanged", summary = "Live order events of a channel (server-sent events)",
            description = "The order events of one channel as they commit, as server-sent events: the same events and rules as the "
                    + "GraphQL subscription orderStatusChanged. Partners: their own channel only (another is 404); managers, "
                    + "sales and integrations: any channel of their tenant. Last-Event-ID (a sequence number this stream sent) "
                    + "first replays every later committed event of the channel; an unknown one is 400. At most "
                    + "channelhub.events.max-streams-per-tenant open streams per tenant (422 LIMIT_EXCEEDED for one more). The "
                    + "stream ends with an event token-expired when the token expires.")
    public Uni<Void> stream(
            @Parameter(description = "The channel whose order events to stream", required = true) @QueryParam("channelId") String channelId,
            @Parameter(in = ParameterIn.HEADER, name = LAST_EVENT_ID, description = "Resume after this event id (sent "
                    + "automatically by EventSource clients when they reconnect)") @HeaderParam(LAST_EVENT_ID) String lastEventId,
            @Context SseEventSink sink, @Context Sse sse, @Context RoutingContext routing) {
        Caller who = caller.get();
        if (channelId == null || channelId.isBlank()) {
            throw ApiException.invalid("channelId", "is required");
        }
        Long after = sequence(lastEventId);
        Instant expiry = caller.expiresAt().orElse(null);
        // Every check first: while this Uni has not completed nothing is written, so a refusal is a plain problem answer.
        return service.openOrderEvents(who, Ids.parse(channelId, "channelId"), after, LAST_EVENT_ID).map(changes -> {
            AtomicInteger open = OPEN.computeIfAbsent(who.tenant(), t -> new AtomicInteger());
            if (open.incrementAndGet() > maxPerTenant) {
                open.decrementAndGet();
                throw new ApiException(ErrorCode.LIMIT_EXCEEDED, "at most " + maxPerTenant
                        + " open event streams per tenant; close one before opening another");
            }
            AtomicReference<Cancellable> subscription = new AtomicReference<>();
            Consumer<Throwable> stop = t -> {
                Cancellable s = subscription.get();
                if (s != null) {
                    s.cancel();
                }
            };
            subscription.set(events(sse, changes, expiry)
                    .onTermination().invoke(open::decrementAndGet)
                    .subscribe().with(event -> send(sink, event, stop), failure -> sink.close(), sink::close));
            // A client that hangs up ends the subscription (a failed send does too, at the latest with the next heartbeat).
            routing.addEndHandler(x -> stop.accept(null));
            return null;
        });
    }

    private static void send(SseEventSink sink, OutboundSseEvent event, Consumer<Throwable> stop) {
        try {
            sink.send(event).whenComplete((x, failure) -> {
                if (failure != null) {
                    stop.accept(failure);
                }
            });
        } catch (IllegalStateException closed) {
            stop.accept(closed);
        }
    }

    private Multi<OutboundSseEvent> events(Sse sse, Multi<SequencedChange> changes, Instant expiry) {
        Multi<OutboundSseEvent> events = changes.map(c -> sse.newEventBuilder().id(Long.toString(c.sequence())).name(c.change().type())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(OrderStatusChange.class, c.change()).build());
        Multi<OutboundSseEvent> beats = Multi.createFrom().ticks().startingAfter(heartbeat).every(heartbeat)
                .map(t -> sse.newEventBuilder().comment("heartbeat").build());
        Multi<OutboundSseEvent> stream = Multi.createBy().merging().streams(events, beats);
        if (expiry == null) {
            return stream;
        }
        Duration left = Duration.between(Instant.now(), expiry);
        return stream.select().first(left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left)
                .onCompletion().continueWith(sse.newEventBuilder().name("token-expired").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(Map.class, Map.of("code", "UNAUTHENTICATED",
                                "detail", "the token has expired; reconnect with a new one and Last-Event-ID"))
                        .build());
    }

    private static Long sequence(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        if (!lastEventId.trim().matches("\\d{1,18}")) {
            throw ApiException.invalid(LAST_EVENT_ID, "must be an event id this stream sent");
        }
        return Long.parseLong(lastEventId.trim());
    }
}
