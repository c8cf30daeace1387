package dev.channelhub.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.error.Problem;
import dev.channelhub.shared.web.RequestIds;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks every {@code /api/v1} and {@code /graphql} call passes before any resource or resolver runs, so no
 * endpoint can forget them:
 * <ul>
 *   <li>a token whose {@code groups} hold no known role is FORBIDDEN everywhere (services only check the tenant on
 *   many reads);</li>
 *   <li>{@code /graphql} over HTTP without a token is UNAUTHENTICATED for every operation, {@code __typename} and
 *   introspection included (the schema document {@code /graphql/schema.graphql} stays open; WebSocket upgrades pass,
 *   because browsers send their token in {@code connection_init}, see {@code SubscriptionGuard});</li>
 *   <li>a {@code POST} without a body and without {@code Content-Type} is read as JSON, so body-less actions
 *   ({@code /acknowledge}, {@code /confirm}, ...) do not answer 415 to clients that send no header.</li>
 * </ul>
 * It runs right after Quarkus's authentication and authorization filters (orders -200 and -100).
 */
@ApplicationScoped
public class AccessGate {

    static final int ORDER = -50;
    private static final Set<String> KNOWN_ROLES = Arrays.stream(Role.values()).map(Role::claim).collect(Collectors.toUnmodifiableSet());

    private final ObjectMapper mapper;

    public AccessGate(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean api = path.startsWith("/api/");
        // CORS preflights carry no token by design; WebSocket upgrades may bring theirs in connection_init.
        boolean graphql = (path.equals("/graphql") || path.equals("/graphql/")) && !isWebSocketUpgrade(ctx.request())
                && ctx.request().method() != HttpMethod.OPTIONS;
        if (!api && !graphql) {
            ctx.next();
            return;
        }
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        boolean anonymous = identity == null || identity.isAnonymous();
        if (anonymous) {
            if (graphql) {
                graphqlError(ctx, 401, ErrorCode.UNAUTHENTICATED, "a valid bearer token is required");
                return;
            }
            // REST resources are @Authenticated: they answer 401 problem+json themselves.
        } else if (identity.getRoles().stream().noneMatch(KNOWN_ROLES::contains)) {
            String detail = "the token's groups hold no role of this API (" + String.join(", ", KNOWN_ROLES.stream().sorted().toList()) + ")";
            if (graphql) {
                graphqlError(ctx, 403, ErrorCode.FORBIDDEN, detail);
            } else {
                problem(ctx, ErrorCode.FORBIDDEN, detail);
            }
            return;
        }
        if (api) {
            defaultBodylessContentType(ctx.request());
        }
        ctx.next();
    }

    /** An empty POST without Content-Type is an empty JSON request: resources with an optional body then get null. */
    static void defaultBodylessContentType(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST || request.headers().contains(HttpHeaders.CONTENT_TYPE)) {
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean empty = length == null ? !request.headers().contains(HttpHeaders.TRANSFER_ENCODING) : "0".equals(length.trim());
        if (empty) {
            request.headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
        }
    }

    private static boolean isWebSocketUpgrade(HttpServerRequest request) {
        return request.headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true);
    }

    private void problem(RoutingContext ctx, ErrorCode code, String detail) {
        write(ctx, code.status(), Problem.MEDIA_TYPE, Problem.of(code, detail, List.of()));
    }

    private void graphqlError(RoutingContext ctx, int status, ErrorCode code, String message) {
        Map<String, Object> body = Map.of("errors", List.of(Map.of("message", message,
                "extensions", Map.of("code", code.name(), "classification", code.name(), "requestId", RequestIds.of(ctx)))));
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        write(ctx, status, "application/json", body);
    }

    private void write(RoutingContext ctx, int status, String contentType, Object body) {
        try {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(mapper.writeValueAsString(body));
        } catch (Exception e) {
            ctx.fail(e);
        }
    }
}
