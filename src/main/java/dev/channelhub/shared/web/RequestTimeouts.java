package dev.channelhub.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.error.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An upper bound on how long a call of {@code /api/} or {@code /graphql} may take (issue 21): when no answer has been
 * started after {@code channelhub.http.request-timeout}, the caller gets {@code 503 REQUEST_TIMEOUT} (problem+json,
 * or a GraphQL error with {@code extensions.code}) with {@code Retry-After}, instead of waiting for as long as a lock
 * or a slow statement takes. The work itself is bounded in the database by the pools' {@code statement_timeout}
 * (its cancellation is the same REQUEST_TIMEOUT, see {@code ApiErrors}); whatever finishes later is dropped.
 * Long-lived answers are exempt: the event stream ({@code /api/v1/events/stream}) and WebSocket upgrades
 * (subscriptions). {@code 0} switches the bound off.
 */
@ApplicationScoped
public class RequestTimeouts {

    private static final Logger LOG = Logger.getLogger(RequestTimeouts.class);

    private final Duration timeout;
    private final ObjectMapper mapper;

    public RequestTimeouts(@ConfigProperty(name = "channelhub.http.request-timeout", defaultValue = "PT30S") Duration timeout,
                           ObjectMapper mapper) {
        this.timeout = timeout;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        if (!timeout.isZero() && !timeout.isNegative()) {
            router.route().order(Integer.MIN_VALUE + 3).handler(this::bound);
        }
    }

    private void bound(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean graphql = path.equals("/graphql") || path.equals("/graphql/");
        boolean bounded = (path.startsWith("/api/") || graphql) && !path.startsWith("/api/v1/events/stream")
                && !ctx.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true);
        if (!bounded) {
            ctx.next();
            return;
        }
        long timer = ctx.vertx().setTimer(timeout.toMillis(), id -> expire(ctx, graphql));
        ctx.addEndHandler(done -> ctx.vertx().cancelTimer(timer));
        ctx.next();
    }

    private void expire(RoutingContext ctx, boolean graphql) {
        var response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        String detail = "the request took longer than " + timeout + " and was abandoned; retry later";
        LOG.warnf("request timed out after %s: %s %s", timeout, ctx.request().method(), ctx.normalizedPath());
        try {
            String body = graphql
                    ? mapper.writeValueAsString(Map.of("errors", List.of(Map.of("message", detail, "extensions",
                    Map.of("code", ErrorCode.REQUEST_TIMEOUT.name(), "classification", ErrorCode.REQUEST_TIMEOUT.name(),
                            "requestId", RequestIds.of(ctx))))))
                    : mapper.writeValueAsString(new Problem(ErrorCode.REQUEST_TIMEOUT.type(), ErrorCode.REQUEST_TIMEOUT.title(),
                    ErrorCode.REQUEST_TIMEOUT.status(), detail, ErrorCode.REQUEST_TIMEOUT.name(), List.of(), RequestIds.of(ctx)));
            response.setStatusCode(ErrorCode.REQUEST_TIMEOUT.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, graphql ? "application/json" : Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", "2")
                    .end(body);
        } catch (Exception e) {
            ctx.fail(e);
        }
    }
}
