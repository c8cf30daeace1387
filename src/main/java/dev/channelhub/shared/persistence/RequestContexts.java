package dev.channelhub.shared.persistence;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Marks the Vert.x (duplicated) context each HTTP request runs on, so work can tell a request's statements from a
 * background worker's. Hibernate Reactive statements are counted per request only when they run in a marked context
 * ({@link HibernateStatements}); scheduled sweeps, imports and webhook delivery run in contexts of their own and are
 * counted apart, so a per-request statement count is never inflated by a sweep that happened to run at the same time.
 */
@ApplicationScoped
public class RequestContexts {

    private static final String KEY = RequestContexts.class.getName();

    void install(@Observes Router router) {
        // Right after the GraphQL context clean-up (Integer.MIN_VALUE), before authentication and rate limits.
        router.route().order(Integer.MIN_VALUE + 1).handler(rc -> {
            mark(Vertx.currentContext());
            rc.next();
        });
    }

    /** Marks {@code context} (a duplicated one, else nothing) as a request's: its statements count for the request. */
    public static void mark(Context context) {
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            context.putLocal(KEY, Boolean.TRUE);
        }
    }

    /** True when the caller runs in an HTTP request's context. */
    public static boolean inRequest() {
        Context context = Vertx.currentContext();
        return context != null && VertxContext.isDuplicatedContext(context) && context.getLocal(KEY) != null;
    }
}
