package dev.channelhub.shared.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One id per HTTP request (issue 21). A caller's {@code X-Request-Id} is kept when it is short and made of safe
 * characters (1–64 of letters, digits, {@code . _ : -}); anything else (absent, too long, spaces, quotes, control
 * characters) is replaced by a new random UUID, so a hostile value never reaches a log line or an answer. The id is
 * echoed in the {@code X-Request-Id} header of every answer, carried in problem+json ({@code requestId}) and GraphQL
 * errors ({@code extensions.requestId}), and put in the log MDC ({@code requestId}) of everything the request logs.
 * <p>
 * With {@code channelhub.access-log.enabled}, one line per request goes to the category {@code channelhub.access}:
 * method, path (without the query string), status, milliseconds, request id and the caller's tenant — never a header
 * or the token.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String KEY = RequestIds.class.getName();
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Logger ACCESS = Logger.getLogger("channelhub.access");

    private final boolean accessLog;

    public RequestIds(@ConfigProperty(name = "channelhub.access-log.enabled", defaultValue = "false") boolean accessLog) {
        this.accessLog = accessLog;
    }

    void install(@Observes Router router) {
        // Right after RequestContexts marks the request's context; before authentication, so even a 401 carries it.
        router.route().order(Integer.MIN_VALUE + 2).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        String id = accept(ctx.request().getHeader(HEADER));
        ctx.put(KEY, id);
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            context.putLocal(KEY, id);
            MDC.put(MDC_KEY, id); // Quarkus keeps the MDC in the request's duplicated context
        }
        ctx.response().putHeader(HEADER, id);
        if (accessLog) {
            ctx.addEndHandler(done -> {
                if (ACCESS.isInfoEnabled()) {
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    ACCESS.infof("%s %s %d %dms requestId=%s tenant=%s", ctx.request().method().name(), ctx.normalizedPath(),
                            ctx.response().getStatusCode(), ms, id, tenantOf(ctx));
                }
            });
        }
        ctx.next();
    }

    /** The caller's id when it is safe to repeat, else a new one. */
    public static String accept(String offered) {
        if (offered != null && SAFE.matcher(offered).matches()) {
            return offered;
        }
        return UUID.randomUUID().toString();
    }

    /** The current request's id, or null outside a request (background work). */
    public static String current() {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            Object id = context.getLocal(KEY);
            if (id != null) {
                return id.toString();
            }
        }
        Object mdc = MDC.get(MDC_KEY);
        return mdc == null ? null : mdc.toString();
    }

    /** The id of the request a route handler answers. */
    public static String of(RoutingContext ctx) {
        Object id = ctx.get(KEY);
        return id == null ? current() : id.toString();
    }

    private static String tenantOf(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
                Object tenant = jwt.getClaim("tenant");
                String text = tenant instanceof jakarta.json.JsonString js ? js.getString() : tenant == null ? "-" : tenant.toString();
                return text.length() > 64 ? text.substring(0, 64) : text.replaceAll("[^A-Za-z0-9._:@-]", "?");
            }
        }
        return "-";
    }
}
